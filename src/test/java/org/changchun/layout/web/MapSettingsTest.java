package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The basemap settings ({@code plan.map.*}): none by default, and a basemap must say its datum. */
class MapSettingsTest {

    @EnableConfigurationProperties(MapSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void byDefaultThereIsNoBasemap() {
        context.run(app -> assertThat(app.getBean(MapSettings.class).basemap()).isNull());
    }

    @Test
    void aBasemapTakesItsTemplateAttributionAndDatumWithDefaultsForTheRest() {
        context.withPropertyValues(
                "plan.map.basemap.url=https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}",
                "plan.map.basemap.attribution=© 高德地图",
                "plan.map.basemap.datum=GCJ02",
                "plan.map.basemap.subdomains=1234").run(app -> {
                    MapSettings.Basemap basemap = app.getBean(MapSettings.class).basemap();
                    assertThat(basemap.datum()).isEqualTo(MapSettings.Datum.GCJ02);
                    assertThat(basemap.attribution()).isEqualTo("© 高德地图");
                    assertThat(basemap.subdomains()).isEqualTo("1234");
                    assertThat(basemap.maxZoom()).isEqualTo(18);
                });
    }

    @Test
    void aBasemapWithoutItsDatumIsRefused() {
        context.withPropertyValues("plan.map.basemap.url=https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("datum"));
    }

    @Test
    void aTemplateWithoutTilePlaceholdersIsRefused() {
        context.withPropertyValues("plan.map.basemap.url=https://example.org/tiles.png", "plan.map.basemap.datum=WGS84")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("{z}, {x} and {y}"));
    }
}
