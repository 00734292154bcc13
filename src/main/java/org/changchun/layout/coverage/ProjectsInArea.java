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

    /**
     * The features found and what they add up to; over {@code plan.coverage.max-features} the totals
     * of every match without the features ({@code featuresOmitted}).
     */
    record Answer(CoverageArea area, CoverageMode mode, Double distanceMetres, String source,
                  ProjectSummary summary, List<Feature> features, boolean featuresOmitted) {

        long numberMatched() {
            return summary.total().count();
        }
    }

    private final LayerCatalog catalog;
    private final FeatureStore store;
    private final CityCatalog cities;
    private final DistrictIndex districts;
    private final KeptTotals kept;
    private final CoverageProperties properties;

    ProjectsInArea(LayerCatalog catalog, FeatureStore store, CityCatalog cities, DistrictIndex districts,
                   KeptTotals kept, CoverageProperties properties) {
        this.catalog = catalog;
        this.store = store;
        this.cities = cities;
        this.districts = districts;
        this.kept = kept;
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
        Double distance = mode == CoverageMode.NEAR ? distanceMetres : null;
        Optional<Filter.LinkedTo> linked = linked(area, layer, mode);
        Filter filter = linked.isPresent() ? linked.get() : spatial(mode, mode == CoverageMode.NEAR
                ? MetricBuffer.buffer(area.geometry(), distanceMetres) : area.geometry());
        int most = properties.maxFeatures();
        FeatureQuery matching = new FeatureQuery(layer.id(), Optional.empty(), filter, List.of(), most, 0);
        Optional<ProjectSummary> keptTotals = linked.flatMap(links -> kept.of(layer.id(), links));
        if (keptTotals.isPresent() && keptTotals.get().total().count() > most) {
            return new Answer(area, mode, distance, layer.id(), keptTotals.get(), List.of(), true);
        }
        // a polygon linked to more features than one answer may list is not read a page of first
        boolean tooManyLinked = keptTotals.isEmpty() && linked.map(links -> store.countLinked(layer.id(),
                links.targetLayer(), links.targetId(), links.containedOnly(), most + 1L) > most).orElse(false);
        if (!tooManyLinked) {
            FeaturePage page = store.query(matching);
            if (page.numberMatched() <= most) {
                return new Answer(area, mode, distance, layer.id(),
                        ProjectTotals.of(page.features(), cities.all(), districts.districts()), page.features(), false);
            }
        }
        // too many to list, and no totals kept: every match is added up as it streams past
        ProjectSummary totals = store.readMatching(matching,
                features -> ProjectTotals.of(features::iterator, cities.all(), districts.districts()));
        return new Answer(area, mode, distance, layer.id(), totals, List.of(), true);
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
