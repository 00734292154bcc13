package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.geo.FeatureJson;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.geo.InvalidFeatureException;
import org.changchun.layout.http.ForEditors;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.store.FeatureStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 4 on the project library: create, replace, update (JSON merge patch)
 * and delete. Each change is stored with the project relinked to the plan polygons it now lies in.
 * Bodies are GeoJSON in CRS84 unless a {@code Content-Crs} header names another supported CRS.
 */
@RestController
@RequestMapping("/ogc/collections/{collectionId}/items")
@Tag(name = "OGC API - Features")
class ItemsEditController {

    private final LayerCatalog catalog;
    private final FeatureStore store;

    ItemsEditController(LayerCatalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @PostMapping(consumes = {MediaTypes.GEOJSON_VALUE, MediaTypes.JSON_VALUE})
    @Operation(summary = "新增要素 / create a feature (editors)")
    @ForEditors
    @ApiResponse(responseCode = "201", description = "已新增 / created", headers = @Header(name = "Location",
            description = "the new feature's address"), content = @Content(mediaType = MediaTypes.GEOJSON_VALUE,
            schema = @Schema(implementation = ItemView.class)))
    @ApiResponse(responseCode = "404", description = "没有该集合或要素 / no such collection, or no such feature in it")
    @ApiResponse(responseCode = "405", description = "该集合只读；只能编辑项目库 / the collection is read-only; only "
            + "projects can be edited")
    @ApiResponse(responseCode = "409", description = "已有同 id 的要素 / a feature with this id exists")
    ResponseEntity<ItemView> create(@PathVariable String collectionId,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "GeoJSON Feature；无 id 时自动生成 / a GeoJSON Feature; an id is made when it has none", content = {
                @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = GeoJsonFeature.class)),
                @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = GeoJsonFeature.class))})
            @RequestBody JsonNode body,
                                    @RequestHeader(value = "Content-Crs", required = false) String contentCrs) {
        LayerInfo layer = editable(collectionId);
        String id = body.hasNonNull("id") ? null : UUID.randomUUID().toString();
        Feature feature = FeatureJson.read(body, layer.fields(), id, ItemsRequest.crs("Content-Crs", contentCrs)::toWgs84);
        if (store.feature(layer.id(), feature.id()).isPresent()) {
            throw new FeatureConflictException(collectionId, feature.id());
        }
        store.saveFeature(layer.id(), feature);
        URI location = URI.create(OgcLinks.ogc("/collections/" + collectionId + "/items/" + feature.id()));
        return ResponseEntity.created(location).contentType(MediaTypes.GEOJSON)
                .body(ItemView.of(feature.id(), feature.geometry(), feature.properties(), null));
    }

    @PutMapping(value = "/{featureId}", consumes = {MediaTypes.GEOJSON_VALUE, MediaTypes.JSON_VALUE})
    @Operation(summary = "替换要素 / replace a feature (editors)")
    @ForEditors
    @ApiResponse(responseCode = "204", description = "已替换 / replaced")
    @ApiResponse(responseCode = "404", description = "没有该集合或要素 / no such collection, or no such feature in it")
    @ApiResponse(responseCode = "405", description = "该集合只读；只能编辑项目库 / the collection is read-only; only "
            + "projects can be edited")
    ResponseEntity<Void> replace(@PathVariable String collectionId, @PathVariable String featureId,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "GeoJSON Feature / the feature as it is to be", content = {
                @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = GeoJsonFeature.class)),
                @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = GeoJsonFeature.class))})
            @RequestBody JsonNode body,
                                 @RequestHeader(value = "Content-Crs", required = false) String contentCrs) {
        LayerInfo layer = editable(collectionId);
        existing(layer, featureId);
        if (body.hasNonNull("id") && !featureId.equals(body.get("id").asString())) {
            throw new InvalidFeatureException("请求体中的 id 与路径中的不同",
                    "the body's id '" + body.get("id").asString() + "' differs from the path's '" + featureId + "'");
        }
        store.saveFeature(layer.id(), FeatureJson.read(body, layer.fields(), featureId,
                ItemsRequest.crs("Content-Crs", contentCrs)::toWgs84));
        return ResponseEntity.noContent().build();
    }

    @PatchMapping(value = "/{featureId}", consumes = {MediaTypes.MERGE_PATCH_VALUE, MediaTypes.JSON_VALUE})
    @Operation(summary = "更新要素 / update a feature (editors)",
            description = "a JSON merge patch (RFC 7396) of the feature: properties to change (null clears one) "
                    + "and/or a new geometry")
    @ForEditors
    @ApiResponse(responseCode = "204", description = "已更新 / updated")
    @ApiResponse(responseCode = "404", description = "没有该集合或要素 / no such collection, or no such feature in it")
    @ApiResponse(responseCode = "405", description = "该集合只读；只能编辑项目库 / the collection is read-only; only "
            + "projects can be edited")
    ResponseEntity<Void> update(@PathVariable String collectionId, @PathVariable String featureId,
                                @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                    @Content(mediaType = MediaTypes.MERGE_PATCH_VALUE, schema = @Schema(type = "object")),
                                    @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(type = "object"))})
                                @RequestBody JsonNode patch,
                                @RequestHeader(value = "Content-Crs", required = false) String contentCrs) {
        LayerInfo layer = editable(collectionId);
        Feature current = existing(layer, featureId);
        ApiCrs crs = ItemsRequest.crs("Content-Crs", contentCrs);
        Feature patched = FeaturePatch.apply(current, patch, layer.fields(), crs::toWgs84);
        store.saveFeature(layer.id(), patched);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{featureId}")
    @Operation(summary = "删除要素 / delete a feature (editors)")
    @ForEditors
    @ApiResponse(responseCode = "204", description = "已删除 / deleted")
    @ApiResponse(responseCode = "404", description = "没有该集合或要素 / no such collection, or no such feature in it")
    @ApiResponse(responseCode = "405", description = "该集合只读；只能编辑项目库 / the collection is read-only; only "
            + "projects can be edited")
    ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId) {
        LayerInfo layer = editable(collectionId);
        if (!store.deleteFeature(layer.id(), featureId)) {
            throw new FeatureNotFoundException(collectionId, featureId);
        }
        return ResponseEntity.noContent().build();
    }

    private LayerInfo editable(String collectionId) {
        LayerInfo layer = catalog.get(collectionId);
        if (layer.kind() != LayerKind.PROJECTS) {
            throw new ReadOnlyCollectionException(collectionId);
        }
        return layer;
    }

    private Feature existing(LayerInfo layer, String featureId) {
        return store.feature(layer.id(), featureId)
                .orElseThrow(() -> new FeatureNotFoundException(layer.id(), featureId));
    }
}
