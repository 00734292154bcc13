package org.changchun.layout.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
                    + "gpkg (an OGC GeoPackage: one feature table named by the layer id, field names as they are, "
                    + "EPSG:4326, R-tree index; several layers in one file: /api/export), "
                    + "geojson (default; RFC 7946) or csv (attributes and WKT geometry); encoding=UTF-8 (default) or "
                    + "GBK for shp and csv. The whole layer, in WGS84 lon/lat.")
    @ApiResponse(responseCode = "200", description = "the layer, as an attachment", content = {
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object",
                description = "a GeoJSON FeatureCollection (RFC 7946) with the layer's name")),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string")),
        @Content(mediaType = MediaTypes.ZIP_VALUE, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = MediaTypes.GEOPACKAGE_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "没有该图层 / no layer with this id")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                 @RequestParam(required = false) String format,
                                                 @RequestParam(defaultValue = "UTF-8") String encoding) {
        LayerInfo layer = catalog.get(id);
        ExportFormat exportFormat = ExportFormat.PARAMETER.parse(format);
        Charset charset = charset(encoding);
        if (exportFormat == ExportFormat.SHP || exportFormat == ExportFormat.GPKG) {
            // refused now, with the folder and the reason: once the answer streams, its status is sent
            folders.exports().requireUsable();
        }
        StreamingResponseBody body = switch (exportFormat) {
            case GEOJSON -> out -> GeoJsonExport.write(store, layer, json, out);
            case CSV -> out -> CsvExport.write(store, layer, charset, out);
            case SHP -> out -> ShapefileExport.write(store, layer, shapefileCharset(charset), folders.exports().path(),
                    out);
            case GPKG -> out -> GeoPackageExport.write(store, List.of(layer), folders.exports().path(), out);
        };
        MediaType type = exportFormat == ExportFormat.CSV
                ? new MediaType(exportFormat.mediaType(), charset) : exportFormat.mediaType();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(layer.id() + "." + exportFormat.extension(), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/api/export")
    @Operation(summary = "多个图层导出为一个 GeoPackage / several layers as one GeoPackage",
            description = "One OGC GeoPackage with a feature table per layer (named by the layer id; field names as "
                    + "they are, Chinese included; titles in gpkg_contents and gpkg_data_columns; the layer's accuracy "
                    + "— 示意 schematic, 示例数据 sample — in its gpkg_contents description), in EPSG:4326, each table "
                    + "with an R-tree spatial index. Readable by QGIS, ArcGIS and GDAL (ogrinfo, ogr2ogr).")
    @Parameter(name = "layers", description = "图层标识，逗号分隔；省略则为全部图层 / layer ids, comma-separated; every "
            + "layer when absent", schema = @Schema(type = "string"), example = "districts,projects")
    @ApiResponse(responseCode = "200", description = "the layers, as an attachment", content =
        @Content(mediaType = MediaTypes.GEOPACKAGE_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "没有某个图层 / a layer named does not exist")
    ResponseEntity<StreamingResponseBody> exportGeoPackage(@RequestParam(required = false) String layers) {
        List<LayerInfo> chosen = layers == null ? catalog.all() : chosen(layers);
        folders.exports().requireUsable();
        String name = chosen.size() == 1 ? chosen.get(0).id() : "changchun-plan-layers";
        return ResponseEntity.ok()
                .contentType(MediaTypes.GEOPACKAGE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + ExportFormat.GPKG.extension(), StandardCharsets.UTF_8).build().toString())
                .body(out -> GeoPackageExport.write(store, chosen, folders.exports().path(), out));
    }

    /** The layers named, each once, in the order given; an unknown id is a 404 naming it. */
    private List<LayerInfo> chosen(String layers) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : layers.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        if (ids.isEmpty()) {
            throw new InvalidQueryException("参数 layers 应列出至少一个图层标识，如 layers=districts,projects",
                    "parameter 'layers' must name at least one layer, e.g. layers=districts,projects");
        }
        return ids.stream().map(catalog::get).toList();
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
