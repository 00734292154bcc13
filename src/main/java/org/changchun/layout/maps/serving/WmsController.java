package org.changchun.layout.maps.serving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.maps.MapCrs;
import org.changchun.layout.maps.MapFormat;
import org.changchun.layout.maps.MapLegend;
import org.changchun.layout.maps.MapRenderer;
import org.changchun.layout.maps.MapView;
import org.changchun.layout.maps.MapViews;
import org.changchun.layout.problem.ApiException;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * WMS 1.3.0 at {@code /wms} (GetCapabilities, GetMap, GetFeatureInfo, and the SLD profile's GetLegendGraphic
 * that each layer's LegendURL names), for QGIS, ArcGIS and GDAL; 1.1.1
 * requests are answered too ({@code SRS}, longitude first, {@code X}/{@code Y}). Parameter names are
 * case-insensitive. Every refusal is a {@code ServiceExceptionReport} with status 400, naming what to fix.
 */
@RestController
@Tag(name = "WMS 1.3.0", description = "规划图层的 WMS 服务 / the plan layers as a Web Map Service")
class WmsController {

    private static final String VERSION = "1.3.0";

    private final LayerCatalog catalog;
    private final MapViews views;
    private final MapAnswers answers;
    private final WmsFeatureInfo featureInfo;
    private final MapLegend legend;

    WmsController(LayerCatalog catalog, MapViews views, MapAnswers answers, WmsFeatureInfo featureInfo,
                  MapLegend legend) {
        this.catalog = catalog;
        this.views = views;
        this.answers = answers;
        this.featureInfo = featureInfo;
        this.legend = legend;
    }

    @GetMapping("/wms")
    @Operation(summary = "WMS 1.3.0", description = "REQUEST=GetCapabilities | GetMap | GetFeatureInfo | GetLegendGraphic; names are "
            + "case-insensitive. GetMap: LAYERS (ids, or `plan` for every plan layer), STYLES (empty or `plan`), CRS "
            + "(EPSG:3857, EPSG:4326, EPSG:4490, CRS:84), BBOX in the CRS's axis order (latitude first for EPSG:4326 "
            + "and 4490), WIDTH, HEIGHT (up to plan.maps.max-size), FORMAT (image/png, image/jpeg), TRANSPARENT, "
            + "BGCOLOR. GetFeatureInfo adds QUERY_LAYERS, INFO_FORMAT (application/json, text/html), I, J, FEATURE_COUNT. "
            + "GetLegendGraphic: LAYER (an id, or `plan`), FORMAT, STYLE, TRANSPARENT, BGCOLOR: the layer's legend as drawn.")
    @Parameters({
        @Parameter(name = "SERVICE", in = ParameterIn.QUERY, schema = @Schema(allowableValues = "WMS")),
        @Parameter(name = "VERSION", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"1.3.0", "1.1.1"})),
        @Parameter(name = "REQUEST", in = ParameterIn.QUERY, required = true,
                schema = @Schema(allowableValues = {"GetCapabilities", "GetMap", "GetFeatureInfo", "GetLegendGraphic"})),
        @Parameter(name = "LAYERS", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "STYLES", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "LAYER", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "STYLE", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "CRS", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "BBOX", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "WIDTH", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "HEIGHT", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "FORMAT", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "TRANSPARENT", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"TRUE", "FALSE"})),
        @Parameter(name = "BGCOLOR", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "QUERY_LAYERS", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "INFO_FORMAT", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
        @Parameter(name = "I", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "J", in = ParameterIn.QUERY, schema = @Schema(type = "integer")),
        @Parameter(name = "FEATURE_COUNT", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))})
    @ApiResponse(responseCode = "200", description = "capabilities, a map, or feature information", content = {
        @Content(mediaType = MediaTypes.XML_VALUE, schema = @Schema(type = "string")),
        @Content(mediaType = MediaTypes.PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = MediaTypes.JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(type = "object")),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "未修改 / not modified (If-None-Match)")
    @ApiResponse(responseCode = "400", description = "ServiceExceptionReport：说明要改什么 / what to fix", content = {
        @Content(mediaType = MediaTypes.XML_VALUE, schema = @Schema(type = "string")),
        @Content(mediaType = MediaTypes.PROBLEM_JSON_VALUE, schema = @Schema(ref = "Problem"))})
    ResponseEntity<?> wms(HttpServletRequest request) {
        WmsParameters parameters = new WmsParameters(request.getParameterMap());
        String service = parameters.get("SERVICE");
        if (service != null && !service.equalsIgnoreCase("WMS")) {
            throw new WmsException(null, "SERVICE 应为 WMS：" + MapAnswers.shown(service),
                    "SERVICE must be WMS, got '" + MapAnswers.shown(service) + "'");
        }
        String operation = parameters.require("REQUEST");
        return switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> capabilities();
            case "getmap", "map" -> answers.answer(map(parameters), format(parameters),
                    Collections.list(request.getHeaders("If-None-Match")));
            case "getfeatureinfo" -> featureInfo(parameters);
            case "getlegendgraphic" -> legend(parameters);
            default -> throw new WmsException("OperationNotSupported", "不支持的操作 REQUEST=" + MapAnswers.shown(operation)
                    + "（可用：GetCapabilities、GetMap、GetFeatureInfo、GetLegendGraphic）", "unsupported REQUEST="
                    + MapAnswers.shown(operation) + " (supported: GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic)");
        };
    }

    private ResponseEntity<String> capabilities() {
        String endpoint = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/wms?";
        return ResponseEntity.ok().contentType(MediaTypes.XML_UTF8)
                .body(WmsCapabilities.document(endpoint, catalog.all(), catalog.planLayers(), views.maxSize(), legend));
    }

    private ResponseEntity<byte[]> legend(WmsParameters parameters) {
        List<LayerInfo> layers = layers(parameters.require("LAYER"));
        checkStyles(parameters.get("STYLE"));
        MapFormat format = format(parameters);
        Color background = background(parameters);
        return ResponseEntity.ok().contentType(format.mediaType())
                .body(format.encode(legend.draw(layers, background == null && format == MapFormat.JPEG
                        ? Color.WHITE : background)));
    }

    private ResponseEntity<?> featureInfo(WmsParameters parameters) {
        MapRenderer.Request map = map(parameters);
        boolean v130 = isVersion130(parameters);
        String infoFormat = parameters.require("INFO_FORMAT");
        NumberParameter<Integer> column = NumberParameter.integer(v130 ? "I" : "X", 0, map.view().width() - 1);
        NumberParameter<Integer> row = NumberParameter.integer(v130 ? "J" : "Y", 0, map.view().height() - 1);
        int i;
        int j;
        try {
            i = column.require(parameters.get(v130 ? "I" : "X"));
            j = row.require(parameters.get(v130 ? "J" : "Y"));
        } catch (InvalidQueryException e) {
            throw new WmsException("InvalidPoint", e.messageZh(), e.messageEn());
        }
        int count = NumberParameter.integer("FEATURE_COUNT", 1, 50).parse(parameters.get("FEATURE_COUNT"), 1);
        List<LayerInfo> queried = layers(parameters.require("QUERY_LAYERS"));
        Set<String> drawn = new LinkedHashSet<>();
        map.layers().forEach(l -> drawn.add(l.id()));
        for (LayerInfo layer : queried) {
            if (!drawn.contains(layer.id())) {
                throw new WmsException("LayerNotQueryable", "QUERY_LAYERS 中的“" + layer.id() + "”不在 LAYERS 中",
                        "QUERY_LAYERS names '" + layer.id() + "', which LAYERS does not");
            }
        }
        List<WmsFeatureInfo.Found> found = featureInfo.at(map.view(), i, j, queried, count);
        return switch (infoFormat.toLowerCase(Locale.ROOT).replaceAll(";.*", "").trim()) {
            case "application/json", "application/geo+json" -> ResponseEntity.ok().contentType(MediaTypes.JSON)
                    .body(WmsFeatureInfo.json(found));
            case "text/html" -> ResponseEntity.ok().contentType(MediaTypes.HTML_UTF8).body(WmsFeatureInfo.html(found));
            default -> throw new WmsException("InvalidFormat", "不支持的 INFO_FORMAT：" + MapAnswers.shown(infoFormat)
                    + "（可用：application/json、text/html）", "unsupported INFO_FORMAT '" + MapAnswers.shown(infoFormat)
                    + "' (supported: application/json, text/html)");
        };
    }

    private MapRenderer.Request map(WmsParameters parameters) {
        boolean v130 = isVersion130(parameters);
        List<LayerInfo> layers = layers(parameters.require("LAYERS"));
        checkStyles(parameters.get("STYLES"));
        String crsName = parameters.require(v130 ? "CRS" : "SRS");
        MapCrs crs = MapCrs.of(crsName).orElseThrow(() -> new WmsException("InvalidCRS",
                "不支持的坐标系：" + MapAnswers.shown(crsName) + "（可用：" + String.join("、", MapCrs.codes()) + "）",
                "unsupported CRS '" + MapAnswers.shown(crsName) + "' (supported: " + String.join(", ", MapCrs.codes()) + ")"));
        ApiCrs boxAxes = v130 ? crs.axes() : crs.isGeographic() ? ApiCrs.CRS84 : ApiCrs.WEB_MERCATOR;
        double[] box = MapAnswers.box("BBOX", parameters.require("BBOX"));
        int width = NumberParameter.integer("WIDTH", 1, views.maxSize()).in("像素", "pixels")
                .require(parameters.require("WIDTH"));
        int height = NumberParameter.integer("HEIGHT", 1, views.maxSize()).in("像素", "pixels")
                .require(parameters.require("HEIGHT"));
        MapView view = views.view(crs, boxAxes, box, width, height, layers, 1);
        return new MapRenderer.Request(layers, view, background(parameters));
    }

    /** STYLES (or a legend's STYLE): empty, or the plan style's name, for each layer. */
    private static void checkStyles(String styles) {
        if (styles == null) {
            return;
        }
        for (String style : styles.split(",", -1)) {
            String name = style.trim();
            if (!name.isEmpty() && !name.equalsIgnoreCase("plan") && !name.equalsIgnoreCase("default")) {
                throw new WmsException("StyleNotDefined", "没有样式“" + MapAnswers.shown(name) + "”（可用：plan，或留空）",
                        "no style '" + MapAnswers.shown(name) + "' (known: plan, or empty for it)");
            }
        }
    }

    /** The background TRANSPARENT and BGCOLOR ask for: null for transparent, white unless named. */
    private static Color background(WmsParameters parameters) {
        return MapAnswers.bool("TRANSPARENT", parameters.get("TRANSPARENT"), false) ? null
                : parameters.get("BGCOLOR") == null ? Color.WHITE : MapAnswers.colour("BGCOLOR", parameters.get("BGCOLOR"));
    }

    private static MapFormat format(WmsParameters parameters) {
        String format = parameters.require("FORMAT");
        return MapFormat.of(format).orElseThrow(() -> new WmsException("InvalidFormat",
                "不支持的 FORMAT：" + MapAnswers.shown(format) + "（可用：image/png、image/jpeg）",
                "unsupported FORMAT '" + MapAnswers.shown(format) + "' (supported: image/png, image/jpeg)"));
    }

    private static boolean isVersion130(WmsParameters parameters) {
        String version = parameters.get("VERSION");
        if (version == null || version.equals(VERSION)) {
            return true;
        }
        if (version.equals("1.1.1") || version.equals("1.1.0")) {
            return false;
        }
        throw new WmsException(null, "不支持的 VERSION：" + MapAnswers.shown(version) + "（可用：1.3.0、1.1.1）",
                "unsupported VERSION '" + MapAnswers.shown(version) + "' (supported: 1.3.0, 1.1.1)");
    }

    /** Layer names, bottom first; {@code plan} stands for every plan layer. */
    private List<LayerInfo> layers(String names) {
        List<LayerInfo> layers = new ArrayList<>();
        for (String name : names.split(",")) {
            String id = name.trim();
            if (id.equals(WmsCapabilities.ROOT_LAYER)) {
                layers.addAll(catalog.planLayers());
                continue;
            }
            layers.add(catalog.find(id).orElseThrow(() -> new WmsException("LayerNotDefined",
                    "没有图层“" + MapAnswers.shown(id) + "”（可用：plan、" + String.join("、", ids()) + "）",
                    "no layer '" + MapAnswers.shown(id) + "' (known: plan, " + String.join(", ", ids()) + ")")));
        }
        return layers;
    }

    private List<String> ids() {
        return catalog.all().stream().map(LayerInfo::id).toList();
    }

    @ExceptionHandler(WmsException.class)
    ResponseEntity<String> refused(WmsException e) {
        return report(HttpStatus.BAD_REQUEST, e.code(), e.messageZh(), e.messageEn());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<String> refused(InvalidQueryException e) {
        return report(HttpStatus.BAD_REQUEST, null, e.messageZh(), e.messageEn());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e) {
        return report(e.status(), null, e.messageZh(), e.messageEn());
    }

    /** A WMS 1.3.0 service exception report (Annex E.2). */
    private static ResponseEntity<String> report(HttpStatus status, String code, String zh, String en) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.opengis.net/ogc "
                + "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd\">\n<ServiceException"
                + (code == null ? "" : " code=\"" + code + "\"") + ">" + WmsCapabilities.escape(zh + " / " + en)
                + "</ServiceException>\n</ServiceExceptionReport>\n";
        return ResponseEntity.status(status).contentType(MediaTypes.XML_UTF8).body(xml);
    }
}
