package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.web.JsonObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/ogc/collections")
@Tag(name = "OGC API - Features")
class CollectionsController {

    private final LayerCatalog catalog;

    CollectionsController(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "全部集合 / every collection")
    ResponseEntity<?> collections(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<CollectionView> collections = catalog.all().stream().map(CollectionView::of).toList();
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return LandingController.html(OgcHtml.collections(collections));
        }
        String self = OgcLinks.ogc("/collections");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(self + "?f=json", "self", OgcMedia.JSON, "本文档 / this document"),
                new Link(self + "?f=html", "alternate", OgcMedia.HTML, "网页 / as HTML")));
        body.put("collections", collections);
        body.put("crs", ApiCrs.uris());
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{collectionId}")
    @Operation(summary = "一个集合 / one collection")
    ResponseEntity<?> collection(@PathVariable String collectionId, @RequestParam(required = false) String f,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CollectionView collection = CollectionView.of(catalog.get(collectionId));
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return LandingController.html(OgcHtml.collection(collection));
        }
        return ResponseEntity.ok(collection);
    }

    @GetMapping("/{collectionId}/queryables")
    @Operation(summary = "可查询属性 / queryables", description = "a JSON Schema of the properties filters may use")
    ResponseEntity<?> queryables(@PathVariable String collectionId) {
        LayerInfo layer = catalog.get(collectionId);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("geometry", JsonObject.of("format", geometryFormat(layer.geometryType()),
                "x-ogc-role", "primary-geometry", "title", "几何 / geometry"));
        properties.put("id", JsonObject.of("type", "string", "title", "要素标识 / feature id"));
        for (FieldSpec field : layer.fields()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            switch (field.type()) {
                case STRING -> schema.put("type", "string");
                case INTEGER -> schema.put("type", "integer");
                case NUMBER -> schema.put("type", "number");
                case BOOLEAN -> schema.put("type", "boolean");
                case DATE -> {
                    schema.put("type", "string");
                    schema.put("format", "date");
                }
            }
            if (field.titleZh() != null || field.titleEn() != null) {
                schema.put("title", (field.titleZh() == null ? "" : field.titleZh() + " / ")
                        + (field.titleEn() == null ? "" : field.titleEn()));
            }
            properties.put(field.name(), schema);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        body.put("$id", OgcLinks.ogc("/collections/" + collectionId + "/queryables"));
        body.put("type", "object");
        body.put("title", CollectionView.title(layer.description()));
        body.put("properties", properties);
        body.put("additionalProperties", false);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcMedia.SCHEMA)).body(body);
    }

    private static String geometryFormat(String geometryType) {
        return switch (geometryType) {
            case "Point" -> "geometry-point";
            case "MultiPoint" -> "geometry-multipoint";
            case "LineString" -> "geometry-linestring";
            case "MultiLineString" -> "geometry-multilinestring";
            case "Polygon" -> "geometry-polygon";
            case "MultiPolygon" -> "geometry-multipolygon";
            default -> "geometry-any";
        };
    }
}
