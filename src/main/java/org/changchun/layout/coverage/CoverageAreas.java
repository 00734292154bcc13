package org.changchun.layout.coverage;

import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.geo.FeatureJson;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.geo.InvalidFeatureException;
import org.changchun.layout.problem.NotFoundException;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Finds the polygon a coverage question names: a feature of any layer, or a drawn GeoJSON polygon. */
@Component
class CoverageAreas {

    private final LayerCatalog catalog;
    private final FeatureStore store;

    CoverageAreas(LayerCatalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    CoverageArea feature(String layerId, String featureId) {
        LayerInfo layer = catalog.get(layerId);
        Feature feature = store.feature(layer.id(), featureId)
                .orElseThrow(() -> new AreaNotFoundException(layerId, featureId));
        return new CoverageArea(layer.id(), feature.id(), feature.text("name_zh"), feature.text("name_en"),
                round(GeodesicArea.squareKilometres(feature.geometry())), feature.geometry());
    }

    /** A polygon the user drew: a GeoJSON Polygon or MultiPolygon, or a Feature holding one. */
    CoverageArea drawn(JsonNode body) {
        JsonNode geometryNode = body != null && "Feature".equals(body.path("type").asString("")) ? body.get("geometry") : body;
        Geometry geometry = FeatureJson.geometry(geometryNode, "所画区域", "the drawn area", g -> g);
        if (!(geometry instanceof Polygonal)) {
            throw new InvalidFeatureException("所画区域须为多边形", "the drawn area must be a Polygon or MultiPolygon");
        }
        return new CoverageArea(null, null, "所画区域", "drawn area", round(GeodesicArea.squareKilometres(geometry)),
                geometry);
    }

    static double round(double km2) {
        return Math.round(km2 * 1000) / 1000d;
    }

    static class AreaNotFoundException extends NotFoundException {

        AreaNotFoundException(String layer, String feature) {
            super("图层“" + layer + "”中的要素", "feature in layer '" + layer + "'", feature);
        }
    }
}
