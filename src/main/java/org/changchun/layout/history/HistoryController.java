package org.changchun.layout.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** What changed in a layer: between two kept versions, and when and by whom (its timeline). */
@RestController
@RequestMapping("/api/layers")
@Tag(name = "图层 Layers")
class HistoryController {

    private static final NumberParameter<Long> FROM = NumberParameter.wholeNumber("from", 1, Long.MAX_VALUE);
    private static final NumberParameter<Long> TO = NumberParameter.wholeNumber("to", 1, Long.MAX_VALUE);
    private static final NumberParameter<Integer> LIMIT = NumberParameter.integer("limit", 1, 10_000);
    private static final int DEFAULT_LIMIT = 500;

    /** A layer's timeline. */
    record LayerTimeline(String layer, List<TimelineEntry> entries) {
    }

    private final LayerCatalog catalog;
    private final VersionComparisons comparisons;
    private final ChangesWriter writer;
    private final Timeline timeline;

    HistoryController(LayerCatalog catalog, VersionComparisons comparisons, Timeline timeline, JsonMapper json) {
        this.catalog = catalog;
        this.comparisons = comparisons;
        this.timeline = timeline;
        this.writer = new ChangesWriter(json, comparisons);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "两个版本之间的变化 / the changes between two versions",
            description = "the features added, removed and changed between two kept versions of a layer (see "
                    + "/versions): for a changed feature the fields that differ, its attributes before and after, "
                    + "and how its geometry changed, measured on the WGS84 ellipsoid (area gained and lost in m², "
                    + "line length gained and lost in m, the distance a point moved in m). Features are matched by id, "
                    + "or by a field both versions have (key=) when imports number them anew. A version is its table "
                    + "as it stands: edits made to it in place (the project library) are part of it. format=json "
                    + "(default), geojson (a FeatureCollection, each change a feature with change: added|removed|"
                    + "changed, the earlier geometry of a reshaped one as geometry_before) or csv.")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = ChangeViews.LayerChanges.class)),
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object",
                description = "a GeoJSON FeatureCollection (RFC 7946) of the changes, with the comparison's "
                        + "layer, from, to, matched_by, fields_added, fields_removed and totals")),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层，或未保留该版本 / no such layer, or it keeps no such version")
    ResponseEntity<StreamingResponseBody> changes(
            @PathVariable String id,
            @Parameter(description = "the earlier version; default: the newest kept version before `to`",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String from,
            @Parameter(description = "the later version; default: the current one",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String to,
            @Parameter(description = "a field both versions have, unique in each, that matches features; default: "
                    + "features match by id") @RequestParam(required = false) String key,
            @Parameter(schema = @Schema(allowableValues = {"json", "geojson", "csv"}, defaultValue = "json"))
            @RequestParam(required = false) String format) {
        String layerId = catalog.get(id).id();
        ChangeFormat changeFormat = ChangeFormat.PARAMETER.parse(format);
        Comparison comparison = comparisons.prepare(layerId, FROM.given(from), TO.given(to),
                Optional.ofNullable(key).filter(k -> !k.isBlank()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(changeFormat.mediaType());
        if (changeFormat == ChangeFormat.CSV) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(layerId + "-changes-" + comparison.from().version() + "-" + comparison.to().version()
                            + ".csv", StandardCharsets.UTF_8).build().toString());
        }
        return answer.body(out -> writer.write(comparison, changeFormat, out));
    }

    @GetMapping(value = "/{id}/timeline", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "图层的时间线 / a layer's timeline",
            description = "every version written to the layer (imports, the plan data; also those retention has "
                    + "dropped since), every restore and every feature edit, with who and when, newest first. "
                    + "Versions come from the catalog, restores and edits from the audit trail; an edit names the "
                    + "version it changed in place.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该图层 / no layer with this id")
    LayerTimeline timeline(@PathVariable String id,
                           @Parameter(description = "the most restores and edits to list (1–10,000; default 500); "
                                   + "every version is listed", schema = @Schema(type = "integer", minimum = "1",
                                   maximum = "10000")) @RequestParam(required = false) String limit) {
        String layerId = catalog.get(id).id();
        return new LayerTimeline(layerId, timeline.of(layerId, LIMIT.parse(limit, DEFAULT_LIMIT)));
    }
}
