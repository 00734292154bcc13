package org.changchun.layout.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.geo.MetricBuffer;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identify")
@Tag(name = "覆盖分析 Coverage")
class IdentifyController {

    private final Identify identify;

    IdentifyController(Identify identify) {
        this.identify = identify;
    }

    @GetMapping
    @Operation(summary = "点查询 / what is at a point",
            description = "every layer's features at lon/lat (WGS84): polygons containing it, points and lines within "
                    + "`tolerance` metres (default 25); districts list the cities they support. geometry=true adds "
                    + "the geometries (they can be large).")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.GEOJSON_VALUE,
            schema = @Schema(implementation = IdentifiedFeatures.class)))
    ResponseEntity<IdentifiedFeatures> identify(@RequestParam double lon, @RequestParam double lat,
                               @RequestParam(defaultValue = "25") double tolerance,
                               @RequestParam(defaultValue = "false") boolean geometry) {
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            throw new InvalidQueryException("经纬度超出范围：lon=" + lon + ", lat=" + lat,
                    "lon must be -180..180 and lat -90..90 (WGS84 degrees), got lon=" + lon + ", lat=" + lat);
        }
        if (!(tolerance >= 0 && tolerance <= MetricBuffer.MAX_METRES)) {
            throw new InvalidQueryException("tolerance 应为 0 到 100000 米", "tolerance must be 0 to 100000 metres");
        }
        List<Identify.Hit> hits = identify.at(lon, lat, tolerance, geometry);
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                .body(new IdentifiedFeatures("FeatureCollection", hits));
    }

    /** A GeoJSON FeatureCollection, its members in the same order on every run ("type" first). */
    record IdentifiedFeatures(String type, List<Identify.Hit> features) {
    }
}
