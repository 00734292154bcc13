package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/compliance")
@Tag(name = "合规审查 Compliance")
class ConflictController {

    /** What {@code /api/compliance/conflicts} answers in: the overlaps, or a table of them. */
    enum ConflictFormat implements ResponseFormat {
        GEOJSON, CSV
    }

    /**
     * The overlaps as a GeoJSON FeatureCollection, one Feature per feature pair.
     *
     * @param level the level the constraint layer's rule gives a site inside it, when one of the layers is one
     * @param sample the constraint layer is a schematic sample with no legal effect
     */
    @JsonPropertyOrder({"type", "layer", "against", "count", "total_m2", "level", "sample", "note_zh", "note_en",
        "features"})
    @Schema(name = "ConflictCollection")
    record Collection(String type, String layer, String against, int count, double totalM2,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String level, boolean sample,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String noteZh,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String noteEn, List<ConflictFeature> features) {
    }

    /** One overlap: its id is the pair's feature ids, "feature|against_feature". */
    @JsonPropertyOrder({"type", "id", "properties", "geometry"})
    record ConflictFeature(String type, String id, Conflicts.Pair properties, Geometry geometry) {
    }

    private static final FormatParameter<ConflictFormat> FORMAT =
            FormatParameter.of("format", ConflictFormat.class, ConflictFormat.GEOJSON);

    private final Conflicts conflicts;
    private final ComplianceLayers layers;

    ConflictController(Conflicts conflicts, ComplianceLayers layers) {
        this.conflicts = conflicts;
        this.layers = layers;
    }

    @GetMapping("/conflicts")
    @Operation(summary = "图层冲突检测（多规合一）/ conflicts between two layers",
            description = "Where the polygons of `layer` overlap those of `against` (e.g. an imported development plan "
                    + "against the agricultural belts or a constraint layer): one overlap polygon per feature pair, with "
                    + "its area (geodesic m²) and its share of each feature, biggest first. When either layer is a "
                    + "constraint layer, each overlap carries the level its rule gives a site inside the line. GeoJSON, or "
                    + "format=csv for the table (with the overlap as WKT).")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = Collection.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> conflicts(@Parameter(description = "图层 / the layer to check", required = true)
                                @RequestParam(required = false) String layer,
                                @Parameter(description = "对照的图层 / the layer to check it against", required = true)
                                @RequestParam(required = false) String against,
                                @RequestParam(required = false) String format) {
        ConflictFormat answerFormat = FORMAT.parse(format);
        Conflicts.Answer answer = conflicts.between(layers.named("layer", layer), layers.named("against", against));
        return switch (answerFormat) {
            case GEOJSON -> ResponseEntity.ok().contentType(MediaTypes.GEOJSON).body(collection(answer));
            case CSV -> csv(answer);
        };
    }

    private static Collection collection(Conflicts.Answer answer) {
        List<ConflictFeature> features = answer.pairs().stream().map(pair -> new ConflictFeature("Feature",
                pair.feature() + "|" + pair.againstFeature(), pair, pair.overlap())).toList();
        return new Collection("FeatureCollection", answer.layer().id(), answer.against().id(), features.size(),
                answer.totalM2(), answer.level(), answer.sample(), answer.sample() ? "示意，不具法律效力" : null,
                answer.sample() ? "schematic sample, no legal effect" : null, features);
    }

    private static ResponseEntity<byte[]> csv(Conflicts.Answer answer) {
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(1e7));
        List<List<Object>> rows = new ArrayList<>();
        for (Conflicts.Pair pair : answer.pairs()) {
            rows.add(java.util.Arrays.asList(pair.layer(), pair.feature(), pair.nameZh(), pair.nameEn(), pair.against(),
                    pair.againstFeature(), pair.againstNameZh(), pair.againstNameEn(), Csv.plain(pair.overlapM2()),
                    Csv.plain(pair.shareOfFeaturePct()), Csv.plain(pair.shareOfAgainstPct()), pair.level(), pair.sample(),
                    wkt.write(pair.overlap())));
        }
        return Csv.response("conflicts-" + answer.layer().id() + "-" + answer.against().id() + ".csv",
                List.of("layer", "feature", "name_zh", "name_en", "against", "against_feature", "against_name_zh",
                        "against_name_en", "overlap_m2", "share_of_feature_pct", "share_of_against_pct", "level",
                        "sample", "wkt"), rows);
    }
}
