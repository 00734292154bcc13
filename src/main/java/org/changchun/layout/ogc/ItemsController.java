package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.limits.LimitsProperties;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.store.FeatureStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/ogc/collections/{collectionId}/items")
@Tag(name = "OGC API - Features")
class ItemsController {

    private static final String CRS_URIS = "CRS84（默认）、EPSG:4326、EPSG:4490 或 EPSG:3857 的 URI / the URI of CRS84 "
            + "(default), EPSG:4326, EPSG:4490 or EPSG:3857, e.g. http://www.opengis.net/def/crs/EPSG/0/4490";

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final ItemPages pages;

    ItemsController(LayerCatalog catalog, FeatureStore store, ItemPages pages) {
        this.catalog = catalog;
        this.store = store;
        this.pages = pages;
    }

    @GetMapping
    @Operation(summary = "要素 / features",
            description = "A page of features, in GeoJSON or as an HTML page; `next` and `prev` links page through "
                    + "all of them. Each parameter may appear once.")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = "json（geojson）或 html；默认按 Accept / json (or "
            + "geojson) or html; by default as the Accept header says",
            schema = @Schema(type = "string", allowableValues = {"json", "geojson", "html"}))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "每页要素数 / features per page",
            schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "跳过的要素数 / features to skip",
            schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0"))
    @Parameter(name = "bbox", in = ParameterIn.QUERY, description = "minx,miny,maxx,maxy（bbox-crs 中；默认 CRS84 "
            + "经纬度）/ in bbox-crs, CRS84 lon/lat by default", schema = @Schema(type = "string"),
            example = "125.2,43.7,125.5,44.0")
    @Parameter(name = "bbox-crs", in = ParameterIn.QUERY, description = CRS_URIS, schema = @Schema(type = "string"))
    @Parameter(name = "crs", in = ParameterIn.QUERY, description = "输出坐标参照系 / the CRS of the answer: "
            + CRS_URIS, schema = @Schema(type = "string"))
    @Parameter(name = "datetime", in = ParameterIn.QUERY, description = "图层第一个日期字段的时刻或区间 / an instant or "
            + "interval of the layer's first date field, e.g. 2021-01-01/2023-12-31 or ../2022-12-31",
            schema = @Schema(type = "string"))
    @Parameter(name = "properties", in = ParameterIn.QUERY, description = "只输出这些属性，逗号分隔 / only these "
            + "properties, comma-separated", schema = @Schema(type = "string"), example = "name_zh,adcode")
    @Parameter(name = "sortby", in = ParameterIn.QUERY, description = "排序属性，逗号分隔，前缀 - 为降序 / "
            + "properties to sort by, comma-separated, '-' for descending; exactly the collection's sortables (the id "
            + "and every field, not the geometry)", schema = @Schema(type = "string"),
            example = "-start_year,name_zh")
    @Parameter(name = "filter", in = ParameterIn.QUERY, description = "CQL2 过滤条件，文本或 JSON（见 filter-lang）/ a "
            + "CQL2 filter, as text or JSON (see filter-lang): comparisons, LIKE, IN, BETWEEN, IS NULL, CASEI, "
            + "arithmetic (+ - * / % div ^), the S_* spatial functions and the T_* temporal functions on date "
            + "properties, with DATE, TIMESTAMP and INTERVAL ('..' an open end). Not supported: ACCENTI, the A_* "
            + "array functions (no property is an array) and other functions", schema = @Schema(type = "string"),
            example = "name_zh LIKE '%区'")
    @Parameter(name = "filter-lang", in = ParameterIn.QUERY, description = "filter 的编码，默认 cql2-text / the "
            + "encoding of filter, cql2-text by default; cql2-json takes e.g. "
            + "{\"op\":\">\",\"args\":[{\"property\":\"start_year\"},2022]}",
            schema = @Schema(type = "string", allowableValues = {"cql2-text", "cql2-json"}))
    @Parameter(name = "filter-crs", in = ParameterIn.QUERY, description = "filter 中几何的坐标参照系 / the CRS of the "
            + "filter's geometries: " + CRS_URIS, schema = @Schema(type = "string"))
    @Parameter(name = "queryables", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.TRUE,
            description = "集合的任一可查询属性，写作 名称=值 / any queryable of the collection as name=value (see its "
                    + "queryables), e.g. adcode=220112", schema = @Schema(type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE))
    @ApiResponse(responseCode = "200", description = "OK", headers = @Header(name = "Content-Crs",
            description = "<the URI of the answer's CRS>"), content = {
                @Content(mediaType = MediaTypes.GEOJSON_VALUE,
                        schema = @Schema(implementation = FeatureCollectionWriter.FeatureCollection.class)),
                @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    ResponseEntity<?> items(@PathVariable String collectionId,
                            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ItemPages.Request request = pages.read(collectionId, parameters, accept);
        if (request.asHtml()) {
            FeaturePage page = pages.query(request);
            List<Link> links = ItemPages.links(request, page, PageAddress.CURRENT_REQUEST);
            List<GeoJsonFeature> features = page.features().stream()
                    .map(feature -> output(feature, ApiCrs.CRS84, request.items().properties())).toList();
            return OgcHtml.items(request.layer().id(), CollectionView.title(request.layer().description()), features,
                    page.numberMatched(), links);
        }
        ItemPages.GeoJsonPage page = pages.geoJson(request, PageAddress.CURRENT_REQUEST);
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON).header("Content-Crs", page.contentCrs())
                .body(page.body());
    }

    @GetMapping("/{featureId}")
    @Operation(summary = "一个要素 / one feature")
    @ApiResponse(responseCode = "200", description = "OK", headers = {
        @Header(name = "Content-Crs", description = "<the URI of the answer's CRS>"),
        @Header(name = "ETag", description = "the layer's data version")}, content = {
            @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = ItemView.class)),
            @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "未变 / unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "没有该集合或要素 / no such collection, or no such feature in it")
    ResponseEntity<?> item(@PathVariable String collectionId, @PathVariable String featureId,
                           @Parameter(description = "json（geojson）或 html；默认按 Accept / json (or geojson) or "
                                   + "html; by default as the Accept header says") @RequestParam(required = false) String f,
                           @Parameter(description = CRS_URIS) @RequestParam(required = false) String crs,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LayerInfo layer = catalog.get(collectionId);
        ApiCrs outputCrs = ItemsRequest.crs("crs", crs);
        OgcFormat format = OgcFormat.of(f, accept);
        Feature feature = store.feature(layer.id(), featureId)
                .orElseThrow(() -> new FeatureNotFoundException(collectionId, featureId));
        GeoJsonFeature output = output(feature, outputCrs, Optional.empty());
        if (format == OgcFormat.HTML) {
            return OgcHtml.item(collectionId, output);
        }
        String self = OgcLinks.ogc("/collections/" + collectionId + "/items/" + featureId);
        List<Link> links = List.of(
                new Link(self + "?f=json", "self", MediaTypes.GEOJSON_VALUE, "本要素 / this feature"),
                new Link(self + "?f=html", "alternate", MediaTypes.HTML_VALUE, "网页 / as HTML"),
                new Link(OgcLinks.ogc("/collections/" + collectionId), "collection", MediaTypes.JSON_VALUE,
                        CollectionView.title(layer.description())));
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                .header("Content-Crs", "<" + outputCrs.uri() + ">")
                .eTag("\"" + layer.dataVersion() + "\"")
                .body(ItemView.of(output.id(), output.geometry(), output.properties(), links));
    }

    private static GeoJsonFeature output(Feature feature, ApiCrs crs, Optional<List<String>> properties) {
        Map<String, Object> selected = feature.properties();
        if (properties.isPresent()) {
            selected = new LinkedHashMap<>();
            for (String name : properties.get()) {
                selected.put(name, feature.properties().get(name));
            }
        }
        return new GeoJsonFeature("Feature", feature.id(), selected,
                crs == ApiCrs.CRS84 ? feature.geometry() : crs.fromWgs84(feature.geometry()));
    }
}
