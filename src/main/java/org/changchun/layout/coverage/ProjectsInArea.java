package org.changchun.layout.coverage;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.geo.MetricBuffer;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.stereotype.Service;

/**
 * Which features of a layer (the project library by default) lie inside, touch, or lie near an
 * area, with their totals. The spatial test runs in the store, on its spatial index.
 */
@Service
class ProjectsInArea {

    /** The features found and what they add up to. */
    record Answer(CoverageArea area, CoverageMode mode, Double distanceMetres, String source,
                  ProjectSummary summary, List<Feature> features) {
    }

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final CityCatalog cities;
    private final DistrictIndex districts;
    private final CoverageProperties properties;

    ProjectsInArea(LayerCatalog catalog, FeatureStore store, CityCatalog cities, DistrictIndex districts,
                   CoverageProperties properties) {
        this.catalog = catalog;
        this.store = store;
        this.cities = cities;
        this.districts = districts;
        this.properties = properties;
    }

    /**
     * @param distanceMetres the distance of mode {@code near}, within 0 to {@link MetricBuffer#MAX_METRES} (the
     *                       request parameter was checked when it was read); null when the request gave none
     */
    Answer find(CoverageArea area, String sourceLayer, CoverageMode mode, Double distanceMetres) {
        LayerInfo layer = catalog.get(sourceLayer);
        if (mode == CoverageMode.NEAR && distanceMetres == null) {
            throw new InvalidQueryException("mode=near 需要 distance（0 到 100000 米）",
                    "mode=near needs a distance from 0 to 100000 metres");
        }
        Optional<Filter.LinkedTo> linked = linked(area, layer, mode);
        // a polygon linked to more features than one answer may hold is refused before any is read
        linked.ifPresent(links -> refuseIfTooMany(store.countLinked(layer.id(), links.targetLayer(), links.targetId(),
                links.containedOnly(), properties.maxFeatures() + 1L), layer));
        Filter filter = linked.isPresent() ? linked.get() : spatial(mode, mode == CoverageMode.NEAR
                ? MetricBuffer.buffer(area.geometry(), distanceMetres) : area.geometry());
        FeaturePage page = store.query(new FeatureQuery(layer.id(), Optional.empty(), filter, List.of(),
                properties.maxFeatures(), 0));
        refuseIfTooMany(page.numberMatched(), layer);
        ProjectSummary summary = ProjectTotals.of(page.features(), cities.all(), districts);
        return new Answer(area, mode, mode == CoverageMode.NEAR ? distanceMetres : null, layer.id(), summary,
                page.features());
    }

    private void refuseIfTooMany(long matched, LayerInfo layer) {
        int most = properties.maxFeatures();
        if (matched > most) {
            throw new InvalidQueryException(
                    "区域内要素过多（超过上限 " + most + " 个）；请缩小区域，或用 OGC 要素接口分页读取",
                    "more features match than the " + most + " one answer may hold; use a smaller area, or page "
                            + "through /ogc/collections/" + layer.id() + "/items with a filter");
        }
    }

    /**
     * The features the store linked to the area, where the area is a plan polygon and the layer one
     * whose features are linked: the same features as the spatial test, found through the links'
     * index. Testing a district's boundary against every feature under its bounding box took seconds
     * for a million points, and ran past the statement timeout on the embedded store
     * (docs/benchmarks.md, "Ten million features").
     */
    private Optional<Filter.LinkedTo> linked(CoverageArea area, LayerInfo layer, CoverageMode mode) {
        if (area.layer() == null || mode == CoverageMode.NEAR || !(area.geometry() instanceof Polygonal)
                || !layer.kind().isLinkSource() || !catalog.get(area.layer()).kind().isLinkTarget()) {
            return Optional.empty();
        }
        return Optional.of(new Filter.LinkedTo(area.layer(), area.feature(), mode == CoverageMode.WITHIN));
    }

    private static Filter spatial(CoverageMode mode, Geometry test) {
        Filter.SpatialRelation relation = mode == CoverageMode.WITHIN
                ? Filter.SpatialRelation.WITHIN : Filter.SpatialRelation.INTERSECTS;
        return new Filter.Spatial(relation, new Expression.Property(Expression.GEOMETRY), new Expression.Literal(test));
    }
}
