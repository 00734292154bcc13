package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final JsonMapper json;
    private final LimitsProperties limits;

    ItemsController(LayerCatalog catalog, FeatureStore store, JsonMapper json, LimitsProperties limits) {
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.limits = limits;
    }

    @GetMapping
    @Operation(summary = "要素 / features",
            description = "A page of features. Parameters: limit (1-10000, default 10), offset, bbox (+ bbox-crs), "
                    + "crs, datetime, properties, sortby (e.g. -start_year,name_zh), filter (CQL2 text; + "
                    + "filter-lang=cql2-text, filter-crs), and any queryable as property=value.")
    ResponseEntity<?> items(@PathVariable String collectionId,
                            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LayerInfo layer = catalog.get(collectionId);
        ItemsRequest request = ItemsRequest.parse(layer, parameters, accept, limits);
        FeaturePage page = store.query(request.query());
        List<Link> links = links(layer, request, page);
        if (request.format() == OgcFormat.HTML) {
            List<GeoJsonFeature> features = page.features().stream()
                    .map(feature -> output(feature, ApiCrs.CRS84, request.properties())).toList();
            return OgcHtml.items(layer.id(), CollectionView.title(layer.description()), features,
                    page.numberMatched(), links);
        }
        return ResponseEntity.ok().contentType(MediaTypes.GEOJSON)
                .header("Content-Crs", "<" + request.crs().uri() + ">")
                .body(FeatureCollectionWriter.write(json, page.features(), request.crs(), request.properties(),
                        page.numberMatched(), links));
    }

    @GetMapping("/{featureId}")
    @Operation(summary = "一个要素 / one feature")
    ResponseEntity<?> item(@PathVariable String collectionId, @PathVariable String featureId,
                           @RequestParam(required = false) String f,
                           @RequestParam(required = false) String crs,
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

    private static List<Link> links(LayerInfo layer, ItemsRequest request, FeaturePage page) {
        List<Link> links = new ArrayList<>();
        links.add(new Link(OgcLinks.current("json", null, null), "self", MediaTypes.GEOJSON_VALUE,
                "本页 / this page"));
        links.add(new Link(OgcLinks.current("html", null, null), "alternate", MediaTypes.HTML_VALUE,
                "网页 / as HTML"));
        long offset = request.query().offset();
        int limit = request.query().limit();
        if (offset + page.features().size() < page.numberMatched()) {
            pageLinks(links, "next", offset + limit, "下一页 / next page");
        }
        if (offset > 0) {
            pageLinks(links, "prev", Math.max(0, offset - limit), "上一页 / previous page");
        }
        links.add(new Link(OgcLinks.ogc("/collections/" + layer.id()), "collection", MediaTypes.JSON_VALUE,
                CollectionView.title(layer.description())));
        return links;
    }

    private static void pageLinks(List<Link> links, String rel, long offset, String title) {
        links.add(new Link(OgcLinks.current("json", "offset", offset), rel, MediaTypes.GEOJSON_VALUE, title));
        links.add(new Link(OgcLinks.current("html", "offset", offset), rel, MediaTypes.HTML_VALUE, title));
    }
}
