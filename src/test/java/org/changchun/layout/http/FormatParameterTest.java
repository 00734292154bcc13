package org.changchun.layout.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.changchun.layout.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

class FormatParameterTest {

    enum Table implements ResponseFormat {
        GEOJSON, CSV
    }

    enum Page implements ResponseFormat {
        JSON("json", "geojson"), HTML("html");

        private final List<String> codes;

        Page(String... codes) {
            this.codes = List.of(codes);
        }

        @Override
        public List<String> codes() {
            return codes;
        }
    }

    enum Clash implements ResponseFormat {
        JSON, GEOJSON;

        @Override
        public List<String> codes() {
            return List.of("json");
        }
    }

    private static final FormatParameter<Table> FORMAT = FormatParameter.of("format", Table.class, Table.GEOJSON);
    private static final FormatParameter<Page> F = FormatParameter.of("f", Page.class, Page.JSON);

    @Test
    void anAbsentOrBlankValueMeansTheDefault() {
        assertThat(FORMAT.parse(null)).isEqualTo(Table.GEOJSON);
        assertThat(FORMAT.parse("")).isEqualTo(Table.GEOJSON);
        assertThat(FORMAT.parse("  ")).isEqualTo(Table.GEOJSON);
        assertThat(F.given(null)).isEmpty();
        assertThat(F.given(" ")).isEmpty();
    }

    @Test
    void readsEveryCodeOfAFormatIgnoringCase() {
        assertThat(FORMAT.parse("CSV")).isEqualTo(Table.CSV);
        assertThat(F.given("GeoJSON")).contains(Page.JSON);
        assertThat(F.given("json")).contains(Page.JSON);
        assertThat(F.parse("Html")).isEqualTo(Page.HTML);
    }

    @Test
    void refusesAnyOtherValueNamingTheParameterTheValueAndWhatIsOffered() {
        assertThatThrownBy(() -> F.parse("xml"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.messageZh()).isEqualTo("不支持的格式：f=xml（可用：json、html）");
                    assertThat(e.messageEn()).isEqualTo("unsupported format: f=xml; use one of json, html");
                });
        assertThatThrownBy(() -> FORMAT.given(" csv"))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.messageEn()).isEqualTo("unsupported format: format= csv; use one of geojson, csv"));
    }

    @Test
    void refusesTwoFormatsAnsweringToOneCode() {
        assertThatThrownBy(() -> FormatParameter.of("f", Clash.class, Clash.JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'json'");
    }
}
