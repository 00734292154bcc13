package org.changchun.layout.exports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.workfolders.WorkFolders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "图层 Layers")
class ExportController {

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final JsonMapper json;
    private final WorkFolders folders;

    ExportController(LayerCatalog catalog, FeatureStore store, JsonMapper json, WorkFolders folders) {
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.folders = folders;
    }

    @GetMapping("/api/layers/{id}/export")
    @Operation(summary = "导出图层 / export a layer",
            description = "format=shp (a zip with .shp, .shx, .dbf, .prj and .cpg; one shapefile per geometry type), "
                    + "geojson (default; RFC 7946) or csv (attributes and WKT geometry); encoding=UTF-8 (default) or "
                    + "GBK for shp and csv. The whole layer, in WGS84 lon/lat.")
    @ApiResponse(responseCode = "200", description = "the layer, as an attachment", content = {
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object",
                description = "a GeoJSON FeatureCollection (RFC 7946) with the layer's name")),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string")),
        @Content(mediaType = MediaTypes.ZIP_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "没有该图层 / no layer with this id")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                 @RequestParam(required = false) String format,
                                                 @RequestParam(defaultValue = "UTF-8") String encoding) {
        LayerInfo layer = catalog.get(id);
        ExportFormat exportFormat = ExportFormat.PARAMETER.parse(format);
        Charset charset = charset(encoding);
        if (exportFormat == ExportFormat.SHP) {
            // refused now, with the folder and the reason: once the answer streams, its status is sent
            folders.exports().requireUsable();
        }
        StreamingResponseBody body = switch (exportFormat) {
            case GEOJSON -> out -> GeoJsonExport.write(store, layer, json, out);
            case CSV -> out -> CsvExport.write(store, layer, charset, out);
            case SHP -> out -> ShapefileExport.write(store, layer, shapefileCharset(charset), folders.exports().path(),
                    out);
        };
        MediaType type = exportFormat == ExportFormat.CSV
                ? new MediaType(exportFormat.mediaType(), charset) : exportFormat.mediaType();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(layer.id() + "." + exportFormat.extension(), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Shapefiles are written in UTF-8 or GBK, the two encodings Chinese GIS software reads. */
    private static Charset shapefileCharset(Charset charset) {
        if (charset.name().equals("GB18030")) {
            throw new InvalidQueryException("shapefile 只能以 UTF-8 或 GBK 导出", "shapefiles are exported in UTF-8 or GBK");
        }
        return charset;
    }

    static Charset charset(String encoding) {
        return switch (encoding.toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "CP936", "GB2312" -> Charset.forName("GBK");
            case "GB18030" -> Charset.forName("GB18030");
            default -> throw new InvalidQueryException("不支持的编码：" + encoding + "（可用 UTF-8、GBK 或 GB18030）",
                    "unsupported encoding '" + encoding + "'; use UTF-8, GBK or GB18030");
        };
    }
}
