package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.stereotype.Service;

/**
 * Where two polygon layers overlap (多规合一 conflict detection): for every pair of a feature of
 * {@code layer} and a feature of {@code against} that share area, the shared polygon, its area on the
 * ellipsoid and its share of each feature. {@code against} is held in an R-tree and {@code layer} is
 * streamed past it; a layer against itself lists each pair once. In a layer of mixed geometries only
 * the polygons take part. When either layer is a constraint
 * layer, each overlap carries the level its rule gives a site inside the line.
 */
@Service
class Conflicts {

    /** One overlap of a feature pair. */
    @JsonPropertyOrder({"layer", "feature", "name_zh", "name_en", "against", "against_feature", "against_name_zh",
        "against_name_en", "overlap_m2", "share_of_feature_pct", "share_of_against_pct", "level", "sample"})
    record Pair(String layer, String feature, String nameZh, String nameEn, String against, String againstFeature,
                String againstNameZh, String againstNameEn, double overlapM2, double shareOfFeaturePct,
                double shareOfAgainstPct, @JsonInclude(JsonInclude.Include.NON_NULL) String level, boolean sample,
                @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore Geometry overlap) {
    }

    /** The pairs found, biggest overlap first, and their totals. */
    record Answer(LayerInfo layer, LayerInfo against, List<Pair> pairs, double totalM2, String level, boolean sample) {
    }

    private record Indexed(Feature feature, PreparedGeometry prepared, double m2) {
    }

    private final FeatureStore store;
    private final ComplianceProperties properties;
    private final ConstraintLayers constraints;

    Conflicts(FeatureStore store, ComplianceProperties properties, ConstraintLayers constraints) {
        this.store = store;
        this.properties = properties;
        this.constraints = constraints;
    }

    /** @throws InvalidQueryException for layers that are not polygons, too large to hold, or too many overlaps */
    Answer between(LayerInfo layer, LayerInfo against) {
        ComplianceLayers.polygonal("layer", layer);
        ComplianceLayers.polygonal("against", against);
        if (against.featureCount() > properties.maxIndexedFeatures()) {
            throw new InvalidQueryException("图层“" + against.id() + "”有 " + against.featureCount() + " 个要素，超过可比较的上限 "
                    + properties.maxIndexedFeatures() + "：请把较小的图层作为 against",
                    "layer '" + against.id() + "' holds " + against.featureCount() + " features, more than can be compared "
                            + "against (plan.compliance.max-indexed-features = " + properties.maxIndexedFeatures()
                            + "): give the smaller layer as against");
        }
        Optional<ConstraintRule> line = constraints.of(against.id()).or(() -> constraints.of(layer.id()));
        String level = line.map(c -> c.inside() == null ? null : c.inside().code()).orElse(null);
        boolean sample = line.map(ConstraintRule::sample).orElse(false);
        STRtree tree = new STRtree();
        store.readFeatures(against.id(), features -> {
            features.filter(f -> f.geometry() instanceof Polygonal).forEach(f -> tree.insert(
                    f.geometry().getEnvelopeInternal(), new Indexed(f, PreparedGeometryFactory.prepare(f.geometry()),
                            m2(f.geometry()))));
            return null;
        });
        tree.build();
        List<String> names = ReviewAreas.nameFields(layer);
        List<String> againstNames = ReviewAreas.nameFields(against);
        boolean self = layer.id().equals(against.id());
        List<Pair> pairs = new ArrayList<>();
        store.readFeatures(layer.id(), features -> {
            features.filter(f -> f.geometry() instanceof Polygonal).forEach(feature -> {
                double featureM2 = m2(feature.geometry());
                @SuppressWarnings("unchecked")
                List<Indexed> candidates = tree.query(feature.geometry().getEnvelopeInternal());
                for (Indexed other : candidates) {
                    if (self && feature.id().compareTo(other.feature().id()) >= 0
                            || !other.prepared().intersects(feature.geometry())) {
                        continue;
                    }
                    Geometry overlap = Overlap.polygons(OverlayNGRobust.overlay(feature.geometry(), other.feature().geometry(),
                            OverlayNG.INTERSECTION));
                    double overlapM2 = m2(overlap);
                    if (overlapM2 <= 0) {
                        continue;
                    }
                    if (pairs.size() >= properties.maxConflicts()) {
                        throw new InvalidQueryException("重叠的要素对超过 " + properties.maxConflicts() + " 个：请比较较小的图层",
                                "more than " + properties.maxConflicts() + " overlapping feature pairs "
                                        + "(plan.compliance.max-conflicts): compare smaller layers");
                    }
                    pairs.add(new Pair(layer.id(), feature.id(), ReviewAreas.text(feature, names.get(0)),
                            ReviewAreas.text(feature, names.get(1)), against.id(), other.feature().id(),
                            ReviewAreas.text(other.feature(), againstNames.get(0)),
                            ReviewAreas.text(other.feature(), againstNames.get(1)), Reviewer.round(overlapM2, 10),
                            share(overlapM2, featureM2), share(overlapM2, other.m2()), level, sample, overlap));
                }
            });
            return null;
        });
        pairs.sort(Comparator.comparingDouble(Pair::overlapM2).reversed().thenComparing(Pair::feature)
                .thenComparing(Pair::againstFeature));
        return new Answer(layer, against, pairs, Reviewer.round(pairs.stream().mapToDouble(Pair::overlapM2).sum(), 10),
                level, sample);
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Reviewer.round(Math.min(100, 100 * part / whole), 1000);
    }

    private static double m2(Geometry geometry) {
        return GeodesicArea.squareKilometres(geometry) * 1_000_000;
    }
}
