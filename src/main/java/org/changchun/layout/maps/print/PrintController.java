package org.changchun.layout.maps.print;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.maps.MapCrs;
import org.changchun.layout.maps.MapView;
import org.changchun.layout.maps.MapViews;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Print to PDF: one page, A4 or A3, portrait or landscape, of the layers and area asked for. */
@RestController
@Tag(name = "打印 Print", description = "地图打印为 PDF / a map printed to PDF")
class PrintController {

    static final int MAX_TITLE = 80;
    static final int MAX_LAYERS = 30;

    /**
     * @param title       the map's title (default 长春市空间布局图)
     * @param paper       A4 (default) or A3
     * @param orientation portrait (default) or landscape
     * @param layers      layer ids, bottom first (default: the plan layers)
     * @param bbox        west, south, east, north in WGS84 degrees (default: the layers' extent); grown to the
     *                    map frame's shape
     * @param dpi         resolution of the map, 150 to 300 (default 200)
     */
    @Schema(name = "PrintRequest")
    record PrintRequest(String title, String paper, String orientation, List<String> layers, List<Double> bbox,
                        Integer dpi) {
    }

    private final LayerCatalog catalog;
    private final MapViews views;
    private final MapPrinter printer;

    PrintController(LayerCatalog catalog, MapViews views, MapPrinter printer) {
        this.catalog = catalog;
        this.views = views;
        this.printer = printer;
    }

    @PostMapping(value = "/api/maps/print", produces = MediaTypes.PDF_VALUE)
    @ContentNegotiated
    @Operation(summary = "打印地图为 PDF / print a map to PDF",
            description = "One page with the title, the map in the plan style at `dpi`, north arrow, scale bar, legend, "
                    + "date, each layer's source and every caveat that applies (示意 schematic shapes, 示例数据 sample "
                    + "projects, the district boundaries' licence, no 审图号). Text is selectable.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> print(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "标题、纸张、方向、图层、范围、分辨率 / title, paper, orientation, layers, bbox, dpi")
                                 @RequestBody PrintRequest request) {
        String title = request.title() == null || request.title().isBlank() ? "长春市空间布局图" : request.title().strip();
        if (title.length() > MAX_TITLE) {
            throw new InvalidQueryException("标题最多 " + MAX_TITLE + " 个字符", "the title may have at most " + MAX_TITLE
                    + " characters");
        }
        PrintPaper paper = paper(request.paper());
        boolean landscape = landscape(request.orientation());
        List<LayerInfo> layers = layers(request.layers());
        int dpi = request.dpi() == null ? 200
                : NumberParameter.integer("dpi", 150, 300).require(Integer.toString(request.dpi()));
        MapPrinter.Layout layout = MapPrinter.Layout.of(paper, landscape);
        int[] pixels = MapPrinter.mapPixels(layout, dpi);
        if (pixels[0] > views.maxSize() || pixels[1] > views.maxSize()) {
            throw new InvalidQueryException("此纸张在 " + dpi + " dpi 下地图超过 " + views.maxSize() + " 像素：请降低 dpi",
                    "at " + dpi + " dpi the map on this paper is wider than " + views.maxSize() + " pixels: ask for a lower dpi");
        }
        double[] box = null;
        if (request.bbox() != null) {
            if (request.bbox().size() != 4 || request.bbox().contains(null)) {
                throw new InvalidQueryException("bbox 应为四个数：西,南,东,北（WGS84 经纬度）",
                        "bbox must be four numbers: west, south, east, north in WGS84 degrees");
            }
            box = request.bbox().stream().mapToDouble(Double::doubleValue).toArray();
        }
        MapView view = views.view(MapCrs.WEB_MERCATOR, ApiCrs.CRS84, box, pixels[0], pixels[1], layers, dpi / 96d)
                .fitted();
        byte[] pdf = printer.print(title, layout, layers, view);
        return ResponseEntity.ok().contentType(MediaTypes.PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(title + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private static PrintPaper paper(String text) {
        if (text == null || text.isBlank()) {
            return PrintPaper.A4;
        }
        try {
            return PrintPaper.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("纸张应为 A4 或 A3：" + shown(text), "paper must be A4 or A3, got '" + shown(text) + "'");
        }
    }

    private static boolean landscape(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "portrait" -> false;
            case "landscape" -> true;
            default -> throw new InvalidQueryException("方向应为 portrait（纵向）或 landscape（横向）：" + shown(text),
                    "orientation must be portrait or landscape, got '" + shown(text) + "'");
        };
    }

    private List<LayerInfo> layers(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalog.planLayers();
        }
        if (ids.size() > MAX_LAYERS) {
            throw new InvalidQueryException("一页最多 " + MAX_LAYERS + " 个图层", "one page holds at most " + MAX_LAYERS + " layers");
        }
        List<LayerInfo> layers = new ArrayList<>();
        for (String id : ids) {
            String name = id == null ? "" : id.strip();
            layers.add(catalog.find(name).orElseThrow(() -> new InvalidQueryException(
                    "没有图层“" + shown(name) + "”", "no layer '" + shown(name) + "'")));
        }
        return layers;
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
