package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.HttpHeaders;
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

    /** The answer of {@code /ogc/collections}: every collection, and the CRSs all of them offer. */
    record CollectionList(List<Link> links, List<CollectionView> collections, List<String> crs) {
    }

    private final LayerCatalog catalog;

    CollectionsController(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "全部集合 / every collection")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = CollectionList.class)),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> collections(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<CollectionView> collections = catalog.all().stream().map(CollectionView::of).toList();
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return OgcHtml.collections(collections);
        }
        String self = OgcLinks.ogc("/collections");
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(new CollectionList(
                List.of(new Link(self + "?f=json", "self", MediaTypes.JSON_VALUE, "本文档 / this document"),
                        new Link(self + "?f=html", "alternate", MediaTypes.HTML_VALUE, "网页 / as HTML")),
                collections, ApiCrs.uris()));
    }

    @GetMapping("/{collectionId}")
    @Operation(summary = "一个集合 / one collection")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = CollectionView.class)),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    ResponseEntity<?> collection(@PathVariable String collectionId, @RequestParam(required = false) String f,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CollectionView collection = CollectionView.of(catalog.get(collectionId));
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return OgcHtml.collection(collection);
        }
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(collection);
    }

    @GetMapping("/{collectionId}/queryables")
    @Operation(summary = "可查询属性 / queryables", description = "a JSON Schema of the properties filters may use")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.JSON_SCHEMA_VALUE,
            schema = @Schema(implementation = CollectionSchema.class)))
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    ResponseEntity<CollectionSchema> queryables(@PathVariable String collectionId) {
        return schemaAnswer(CollectionSchema.queryables(catalog.get(collectionId)));
    }

    @GetMapping("/{collectionId}/schema")
    @Operation(summary = "属性结构 / schema of the features", description = "OGC API - Features Part 5: a JSON Schema "
            + "of what each item holds, in order: the id (x-ogc-role id), the geometry (x-ogc-role primary-geometry), "
            + "every field with its type, its titles (Chinese / English) and, where the field's name tells it, its "
            + "unit (x-ogc-unit, UCUM); the first date field is the primary instant that datetime filters on")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_SCHEMA_VALUE, schema = @Schema(implementation = CollectionSchema.class)),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    ResponseEntity<?> schema(@PathVariable String collectionId,
                             @Parameter(description = "json 或 html；默认按 Accept / json or html; by default as the "
                                     + "Accept header says", schema = @Schema(type = "string",
                                     allowableValues = {"json", "html"})) @RequestParam(required = false) String f,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CollectionSchema schema = CollectionSchema.returnables(catalog.get(collectionId));
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return OgcHtml.schema(collectionId, schema);
        }
        return schemaAnswer(schema);
    }

    @GetMapping("/{collectionId}/sortables")
    @Operation(summary = "可排序属性 / sortables", description = "OGC API - Features Part 5: a JSON Schema of the "
            + "properties sortby may name (the queryables without the geometry); any other name is a 400")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaTypes.JSON_SCHEMA_VALUE,
            schema = @Schema(implementation = CollectionSchema.class)))
    @ApiResponse(responseCode = "404", description = "没有该集合 / no collection with this id")
    ResponseEntity<CollectionSchema> sortables(@PathVariable String collectionId) {
        return schemaAnswer(CollectionSchema.sortables(catalog.get(collectionId)));
    }

    private static ResponseEntity<CollectionSchema> schemaAnswer(CollectionSchema schema) {
        return ResponseEntity.ok().contentType(MediaTypes.JSON_SCHEMA).body(schema);
    }
}
