package org.changchun.layout.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/layers")
@Tag(name = "图层 Layers", description = "规划图层目录 / the catalog of plan layers")
class LayerController {

    private final LayerCatalog catalog;

    LayerController(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "全部图层 / every layer",
            description = "id, titles, kind, geometry type, feature count, extent and fields of each layer")
    List<LayerSummary> layers() {
        return catalog.all().stream().map(LayerSummary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个图层 / one layer")
    LayerSummary layer(@PathVariable String id) {
        return LayerSummary.of(catalog.get(id));
    }
}
