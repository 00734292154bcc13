package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.web.MapSettings;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyOriginsTest {

    @Test
    void noBasemapAllowsImagesFromThisOriginOnly() {
        assertThat(new ContentSecurityPolicy(new MapSettings(null)).value())
                .contains("img-src 'self' data: blob:;");
    }

    @Test
    void aBasemapWithSubdomainsAllowsEachOfItsHosts() {
        MapSettings.Basemap amap = new MapSettings.Basemap(
                "https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}", "高德地图",
                MapSettings.Datum.GCJ02, "1234", 18);
        assertThat(new ContentSecurityPolicy(new MapSettings(amap)).value()).contains("img-src 'self' data: blob: "
                + "https://webrd01.is.autonavi.com https://webrd02.is.autonavi.com https://webrd03.is.autonavi.com "
                + "https://webrd04.is.autonavi.com;");
    }

    @Test
    void aBasemapOnThisServerOrOnOneHostAddsOnlyWhatItNeeds() {
        assertThat(ContentSecurityPolicy.basemapOrigins(new MapSettings.Basemap("/tiles/{z}/{x}/{y}.png", null,
                MapSettings.Datum.WGS84, null, null))).isEmpty();
        assertThat(ContentSecurityPolicy.basemapOrigins(new MapSettings.Basemap(
                "http://t0.tianditu.gov.cn:8080/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}", null,
                MapSettings.Datum.CGCS2000, null, null))).containsExactly("http://t0.tianditu.gov.cn:8080");
    }
}
