package org.changchun.layout.maps.serving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.maps.MapCrs;
import org.changchun.layout.maps.MapFormat;
import org.changchun.layout.maps.MapRenderer;
import org.changchun.layout.maps.MapView;
import org.changchun.layout.maps.MapViews;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API - Maps: the whole plan ({@code /ogc/map}) or one collection as a picture, in the plan style.
 * Without {@code bbox} the map shows the layers' extent; without a size it is 1024 pixels wide.
 */
@RestController
@Tag(name = "OGC API - Maps", description = "规划图层出图（PNG、JPEG）/ the plan layers as pictures")
class OgcMapsController {

    /** What a map is encoded in ({@code f=}). */
    enum ImageFormat implements ResponseFormat {
        PNG, JPEG
    }

    private static final FormatParameter<ImageFormat> FORMAT = FormatParameter.of("f", ImageFormat.class, ImageFormat.PNG);

    private final LayerCatalog catalog;
    private final MapViews views;
    private final MapAnswers answers;

    OgcMapsController(LayerCatalog catalog, MapViews views, MapAnswers answers) {
        this.catalog = catalog;
        this.views = views;
        this.answers = answers;
    }

    @GetMapping("/ogc/map")
    @Operation(summary = "全部规划图层的地图 / a map of every plan layer",
            description = "The plan layers (districts, belts, zones, corridor, development zones, projects), or those "
                    + "`collections` lists, drawn bottom to top in the plan style (/ogc/styles/plan).")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = MediaTypes.JPEG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "未修改 / not modified (If-None-Match)")
    ResponseEntity<byte[]> datasetMap(
            @Parameter(description = "以逗号分隔的集合 id，自下而上 / comma-separated collection ids, bottom first (default: "
                    + "the plan layers)") @RequestParam(required = false) String collections,
            @Parameter(description = "minx,miny,maxx,maxy in bbox-crs") @RequestParam(required = false) String bbox,
            @Parameter(name = "bbox-crs", description = "default CRS84") @RequestParam(name = "bbox-crs", required = false)
            String bboxCrs,
            @Parameter(description = "EPSG:3857 (default), EPSG:4326, EPSG:4490 or CRS84, as URI or short form")
            @RequestParam(required = false) String crs,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String width,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String height,
            @Parameter(schema = @Schema(type = "boolean")) @RequestParam(required = false) String transparent,
            @Parameter(description = "RRGGBB or 0xRRGGBB, used when transparent=false") @RequestParam(required = false)
            String bgcolor,
            @Parameter(schema = @Schema(allowableValues = {"png", "jpeg"})) @RequestParam(required = false) String f,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch) {
        List<LayerInfo> layers = collections == null || collections.isBlank() ? catalog.planLayers() : named(collections);
        return map(layers, bbox, bboxCrs, crs, width, height, transparent, bgcolor, f, ifNoneMatch);
    }

    @GetMapping("/ogc/collections/{collectionId}/map")
    @Operation(summary = "一个集合的地图 / a map of one collection")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = MediaTypes.JPEG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "未修改 / not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "没有该集合 / no such collection")
    ResponseEntity<byte[]> collectionMap(
            @PathVariable String collectionId,
            @Parameter(description = "minx,miny,maxx,maxy in bbox-crs") @RequestParam(required = false) String bbox,
            @Parameter(name = "bbox-crs", description = "default CRS84") @RequestParam(name = "bbox-crs", required = false)
            String bboxCrs,
            @Parameter(description = "EPSG:3857 (default), EPSG:4326, EPSG:4490 or CRS84, as URI or short form")
            @RequestParam(required = false) String crs,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String width,
            @Parameter(schema = @Schema(type = "integer")) @RequestParam(required = false) String height,
            @Parameter(schema = @Schema(type = "boolean")) @RequestParam(required = false) String transparent,
            @Parameter(description = "RRGGBB or 0xRRGGBB, used when transparent=false") @RequestParam(required = false)
            String bgcolor,
            @Parameter(schema = @Schema(allowableValues = {"png", "jpeg"})) @RequestParam(required = false) String f,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch) {
        return map(List.of(catalog.get(collectionId)), bbox, bboxCrs, crs, width, height, transparent, bgcolor, f,
                ifNoneMatch);
    }

    private ResponseEntity<byte[]> map(List<LayerInfo> layers, String bbox, String bboxCrs, String crs, String width,
                                       String height, String transparent, String bgcolor, String f,
                                       List<String> ifNoneMatch) {
        MapFormat format = FORMAT.parse(f) == ImageFormat.JPEG ? MapFormat.JPEG : MapFormat.PNG;
        MapCrs mapCrs = crs == null || crs.isBlank() ? MapCrs.WEB_MERCATOR : crs(crs, "crs");
        ApiCrs boxCrs = bboxCrs == null || bboxCrs.isBlank() ? ApiCrs.CRS84 : crs(bboxCrs, "bbox-crs").axes();
        NumberParameter<Integer> size = NumberParameter.integer("width", 1, views.maxSize()).in("像素", "pixels");
        NumberParameter<Integer> tall = NumberParameter.integer("height", 1, views.maxSize()).in("像素", "pixels");
        MapView view = views.view(mapCrs, boxCrs, bbox == null || bbox.isBlank() ? null : MapAnswers.box("bbox", bbox),
                size.given(width).orElse(null), tall.given(height).orElse(null), layers, 1);
        Color background = MapAnswers.bool("transparent", transparent, true) ? null
                : bgcolor == null || bgcolor.isBlank() ? Color.WHITE : MapAnswers.colour("bgcolor", bgcolor);
        return answers.answer(new MapRenderer.Request(layers, view, background), format,
                ifNoneMatch == null ? List.of() : ifNoneMatch);
    }

    private static MapCrs crs(String text, String parameter) {
        return MapCrs.of(text).orElseThrow(() -> new InvalidQueryException(
                "不支持的坐标系：" + parameter + "=" + MapAnswers.shown(text) + "（可用：" + String.join("、", MapCrs.codes()) + "）",
                "unsupported CRS " + parameter + "=" + MapAnswers.shown(text) + " (supported: "
                        + String.join(", ", MapCrs.codes()) + ")"));
    }

    private List<LayerInfo> named(String ids) {
        List<LayerInfo> layers = new ArrayList<>();
        for (String id : ids.split(",")) {
            String trimmed = id.trim();
            layers.add(catalog.find(trimmed).orElseThrow(() -> new InvalidQueryException(
                    "没有集合“" + MapAnswers.shown(trimmed) + "”（可用：" + String.join("、", ids()) + "）",
                    "no collection '" + MapAnswers.shown(trimmed) + "' (known: " + String.join(", ", ids()) + ")")));
        }
        return layers;
    }

    private List<String> ids() {
        return catalog.all().stream().map(LayerInfo::id).toList();
    }
}
