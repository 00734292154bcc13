package org.changchun.layout.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.ForEditors;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@RequestMapping(value = "/api/layers", produces = MediaTypes.JSON_VALUE)
@Tag(name = "图层 Layers", description = "规划图层目录 / the catalog of plan layers")
class LayerController {

    private static final NumberParameter<Long> VERSION = NumberParameter.wholeNumber("version", 1, Long.MAX_VALUE);

    private final LayerCatalog catalog;
    private final FeatureStore store;

    LayerController(LayerCatalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "全部图层 / every layer",
            description = "id, titles, kind, geometry type, feature count, extent and fields of each layer")
    @ApiResponse(responseCode = "200", description = "OK")
    List<LayerSummary> layers() {
        return catalog.all().stream().map(LayerSummary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个图层 / one layer")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该图层 / no layer with this id")
    LayerSummary layer(@PathVariable String id) {
        return LayerSummary.of(catalog.get(id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "图层版本 / a layer's versions",
            description = "the current version and the replaced ones kept for restoring, newest first")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该图层 / no layer with this id")
    List<LayerVersion> versions(@PathVariable String id) {
        return store.versions(catalog.get(id).id());
    }

    @PostMapping("/{id}/versions/{version}/restore")
    @Operation(summary = "恢复版本 / restore a kept version (editors)",
            description = "makes a replaced version current again, with its links; the version it replaces is kept")
    @ForEditors
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该图层或保留的版本 / no such layer, or no kept version "
            + "with this number")
    @ApiResponse(responseCode = "409", description = "该图层由服务从其他数据生成，不能恢复旧版本 / the service derives "
            + "this layer from other data; an old version would show stale figures")
    LayerSummary restore(@PathVariable String id,
                         @Parameter(schema = @Schema(type = "integer")) @PathVariable String version) {
        long versionId = VERSION.require(version);
        LayerInfo layer = catalog.get(id);
        if (layer.kind() == LayerKind.DERIVED) {
            throw new DerivedLayerException(id);
        }
        try {
            return LayerSummary.of(store.restore(layer.id(), versionId));
        } catch (NoSuchElementException e) {
            throw new LayerVersionNotFoundException(id, versionId);
        }
    }
}
