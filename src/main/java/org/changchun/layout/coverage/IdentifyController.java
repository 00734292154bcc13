package org.changchun.layout.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.geo.MetricBuffer;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identify")
@Tag(name = "覆盖分析 Coverage")
class IdentifyController {

    private static final double DEFAULT_TOLERANCE_METRES = 25;
    private static final NumberParameter<Double> LON =
            NumberParameter.decimal("lon", -180, 180).in("WGS84 经度", "WGS84 longitude");
    private static final NumberParameter<Double> LAT =
            NumberParameter.decimal("lat", -90, 90).in("WGS84 纬度", "WGS84 latitude");
    private static final NumberParameter<Double> TOLERANCE =
            NumberParameter.decimal("tolerance", 0, MetricBuffer.MAX_METRES).in("米", "metres");

    private final Identify identify;

    IdentifyController(Identify identify) {
        this.identify = identify;
    }

    @GetMapping
    @Operation(summary = "点查询 / what is at a point",
            description = "every layer's features at lon/lat (WGS84): polygons containing it, points and lines within "
                    + "`tolerance` metres (default 25); districts list the cities they support. `layers` (comma-"
                    + "separated collection ids) asks only those layers, e.g. the ones a map shows. geometry=true "
                    + "adds the geometries (they can be large).")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.GEOJSON_VALUE,
            schema = @Schema(implementation = IdentifiedFeatures.class)))
    ResponseEntity<IdentifiedFeatures> identify(@Parameter(schema = @Schema(type = "number")) @RequestParam String lon,
                                                @Parameter(schema = @Schema(type = "number")) @RequestParam String lat,
                                                @Parameter(schema = @Schema(type = "number"))
                                                @RequestParam(required = false) String tolerance,
                                                @RequestParam(required = false) String layers,
                                                @RequestParam(defaultValue = "false") boolean geometry) {
        double longitude = LON.require(lon);
        double latitude = LAT.require(lat);
        double metres = TOLERANCE.parse(tolerance, DEFAULT_TOLERANCE_METRES);
        List<Identify.Hit> hits = identify.at(longitude, latitude, metres, identify.layers(layers), geometry);
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                .body(new IdentifiedFeatures("FeatureCollection", hits));
    }

    /** A GeoJSON FeatureCollection, its members in the same order on every run ("type" first). */
    record IdentifiedFeatures(String type, List<Identify.Hit> features) {
    }
}
