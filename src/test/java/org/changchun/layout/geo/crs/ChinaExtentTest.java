package org.changchun.layout.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.changchun.layout.geo.crs.ChinaExtent.Hint;
import org.changchun.layout.geo.crs.ChinaExtent.Kind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ChinaExtentTest {

    /** Changchun's centre in CGCS2000 3-degree GK zone 42 (EPSG:4530), eastings with the zone prefix. */
    private static final Envelope CHANGCHUN_ZONE_42 = new Envelope(42_470_000, 42_530_000, 4_840_000, 4_880_000);
    /** The same without the prefix, as the CM form (EPSG:4551) writes it. */
    private static final Envelope CHANGCHUN_CM_126 = new Envelope(470_000, 530_000, 4_840_000, 4_880_000);

    @Test
    void saysNothingWhenTheDataLiesInChina() {
        assertThat(check(CHANGCHUN_ZONE_42, 4530)).isEmpty();
        assertThat(check(CHANGCHUN_CM_126, 4551)).isEmpty();
        assertThat(check(new Envelope(125.2, 125.5, 43.8, 44.0), 4490)).isEmpty();
        assertThat(check(new Envelope(112.0, 117.0, 5.0, 10.0), 4326)).as("the South China Sea").isEmpty();
    }

    @Test
    void spotsLatitudeAndLongitudeSwapped() {
        Hint hint = check(new Envelope(43.8, 44.0, 125.2, 125.5), 4490).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.AXES_SWAPPED);
        assertThat(hint.messageEn()).contains("the axes are probably swapped");
        assertThat(hint.messageZh()).contains("坐标轴顺序可能颠倒了");
        assertThat(hint.suggestedEpsg()).isEmpty();
    }

    @Test
    void spotsNorthingAndEastingSwapped() {
        Envelope swapped = new Envelope(4_840_000, 4_880_000, 42_470_000, 42_530_000);

        assertThat(check(swapped, 4530)).get().extracting(Hint::kind).isEqualTo(Kind.AXES_SWAPPED);
    }

    @Test
    void spotsEastingsWithTheZonePrefixUnderACmPrj() {
        Hint hint = check(CHANGCHUN_ZONE_42, 4551).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.ZONE_PREFIX_UNDER_CM_PRJ);
        assertThat(hint.suggestedEpsg()).hasValue(4530);
        assertThat(hint.messageEn()).contains("carry the zone prefix 42").endsWith("try srid 4530 (CGCS2000 / 3-degree "
                + "Gauss-Kruger zone 42) instead of 4551");
        assertThat(hint.messageZh()).contains("带有带号前缀 42").contains("请改用 srid 4530");
    }

    @Test
    void spotsEastingsWithoutTheZonePrefixUnderAZonePrj() {
        Hint hint = check(CHANGCHUN_CM_126, 4530).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.NO_ZONE_PREFIX_UNDER_ZONE_PRJ);
        assertThat(hint.suggestedEpsg()).hasValue(4551);
        assertThat(hint.messageEn()).startsWith("false easting without the zone prefix")
                .contains("try srid 4551 (CGCS2000 / 3-degree Gauss-Kruger CM 126E) instead of 4530");
        assertThat(hint.messageZh()).contains("没有带号前缀").contains("请改用 srid 4551");
    }

    @Test
    void spotsTheSameMistakeOnXian1980AndBeijing1954() {
        assertThat(check(CHANGCHUN_CM_126, 2366)).get().extracting(h -> h.suggestedEpsg().getAsInt()).isEqualTo(2387);
        assertThat(check(CHANGCHUN_ZONE_42, 2439)).get().extracting(h -> h.suggestedEpsg().getAsInt()).isEqualTo(2418);
    }

    @Test
    void spotsAWrongZoneFarAway() {
        Hint hint = check(CHANGCHUN_ZONE_42, 4527).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.WRONG_ZONE);
        assertThat(hint.suggestedEpsg()).hasValue(4530);
        assertThat(hint.messageEn()).contains("zone prefix").contains("is 42 but the .prj says zone 39 (EPSG:4527)")
                .contains("try srid 4530");
    }

    @Test
    void spotsAWrongZoneEvenWhenTheResultLandsInChina() {
        assertThat(ChinaExtent.inChina(ChinaExtent.reproject(CHANGCHUN_ZONE_42, 4529))).as("zone 41 lands near 135°E").isTrue();

        Hint hint = check(CHANGCHUN_ZONE_42, 4529).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.WRONG_ZONE);
        assertThat(hint.suggestedEpsg()).hasValue(4530);
    }

    @Test
    void spotsGaussKrugerNumbersUnderAGeographicPrj() {
        Hint zone = check(CHANGCHUN_ZONE_42, 4490).orElseThrow();
        assertThat(zone.kind()).isEqualTo(Kind.PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ);
        assertThat(zone.suggestedEpsg()).hasValue(4530);
        assertThat(zone.messageEn()).contains("are projected metres, but the .prj is the geographic EPSG:4490")
                .contains("try srid 4530 (CGCS2000 / 3-degree Gauss-Kruger zone 42)");

        Hint cm = check(CHANGCHUN_CM_126, 4326).orElseThrow();
        assertThat(cm.kind()).isEqualTo(Kind.PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ);
        assertThat(cm.suggestedEpsg()).hasValue(4551);
        assertThat(cm.messageZh()).contains("以米为单位的投影坐标").contains("4551");
    }

    @Test
    void spotsWebMercatorNumbersUnderAGeographicPrj() {
        Envelope webMercator = new Envelope(13_946_000, 13_980_000, 5_450_000, 5_480_000);

        Hint hint = check(webMercator, 4326).orElseThrow();

        assertThat(hint.kind()).isEqualTo(Kind.PROJECTED_NUMBERS_UNDER_GEOGRAPHIC_PRJ);
        assertThat(hint.suggestedEpsg()).hasValue(3857);
    }

    @Test
    void otherwiseStatesWhereTheDataIs() {
        Hint paris = check(new Envelope(2.2, 2.5, 48.8, 48.9), 4326).orElseThrow();

        assertThat(paris.kind()).isEqualTo(Kind.OUTSIDE_CHINA);
        assertThat(paris.suggestedEpsg()).isEmpty();
        assertThat(paris.messageEn()).isEqualTo("read as EPSG:4326, the data (lon, lat 2.2000…2.5000, 48.8000…48.9000) "
                + "lies outside China (lon 73–136°, lat 3–54°): check that the .prj matches the coordinates");
    }

    private static Optional<Hint> check(Envelope source, int epsg) {
        return ChinaExtent.check(ChinaExtent.reproject(source, epsg), source, epsg);
    }
}
