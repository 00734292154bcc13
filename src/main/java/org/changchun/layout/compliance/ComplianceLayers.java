package org.changchun.layout.compliance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.stereotype.Component;

/**
 * The layers a compliance question names by a parameter ({@code source}, {@code layer},
 * {@code against}): a name the catalog does not know is the caller's mistake (400), answered with the
 * names it knows.
 */
@Component
class ComplianceLayers {

    private final LayerCatalog catalog;

    ComplianceLayers(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws InvalidQueryException naming the layers there are */
    LayerInfo named(String parameter, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidQueryException("请用参数 " + parameter + " 给出图层 id", "give a layer id as " + parameter);
        }
        return catalog.find(id.strip()).orElseThrow(() -> {
            Set<String> known = new LinkedHashSet<>();
            catalog.all().forEach(layer -> known.add(layer.id()));
            return new InvalidQueryException(
                    "参数 " + parameter + " 所指的图层“" + id + "”不存在；已有的图层：" + String.join("、", known),
                    parameter + " names layer '" + id + "', which does not exist; the layers are "
                            + String.join(", ", known));
        });
    }

    /** @throws InvalidQueryException when the layer does not hold polygons */
    static LayerInfo polygonal(String parameter, LayerInfo layer) {
        if (!isPolygonal(layer)) {
            throw new InvalidQueryException("参数 " + parameter + " 所指的图层“" + layer.id() + "”不是面图层（" + layer.geometryType()
                    + "）：此处只比较面", parameter + " names layer '" + layer.id() + "', which holds "
                    + layer.geometryType() + " features: only polygon layers can be compared here");
        }
        return layer;
    }

    /** A layer of polygons, or of mixed geometries (whose polygons are compared; the rest is left out). */
    static boolean isPolygonal(LayerInfo layer) {
        return List.of("Polygon", "MultiPolygon", "Geometry").contains(layer.geometryType());
    }
}
