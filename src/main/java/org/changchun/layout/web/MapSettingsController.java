package org.changchun.layout.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@Tag(name = "地图页面 Map page")
class MapSettingsController {

    private final MapSettings settings;

    MapSettingsController(MapSettings settings) {
        this.settings = settings;
    }

    @GetMapping(value = "/api/map-settings", produces = MediaTypes.JSON_VALUE)
    @Operation(summary = "地图设置 / the map page's settings",
            description = "the raster basemap (URL template, attribution, datum) or none; with datum GCJ02 the page "
                    + "shifts the plan layers onto the basemap")
    @ApiResponse(responseCode = "200", description = "OK")
    MapSettings settings() {
        return settings;
    }
}
