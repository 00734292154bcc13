package org.changchun.layout.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.PlanRules;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.springframework.stereotype.Component;

/**
 * The {@link AreaIndex} of now: rebuilt when a plan-area or constraint layer gets a new data
 * version, the rules change or a layer is marked or unmarked (the in-memory catalog and the marks
 * say so without reading any feature), kept otherwise.
 */
@Component
class ReviewAreas {

    private final FeatureStore store;
    private final LayerCatalog catalog;
    private final PlanRules rules;
    private final ConstraintLayers constraints;
    private final ComplianceProperties properties;
    private volatile AreaIndex index;

    ReviewAreas(FeatureStore store, LayerCatalog catalog, PlanRules rules, ConstraintLayers constraints,
                ComplianceProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.rules = rules;
        this.constraints = constraints;
        this.properties = properties;
    }

    AreaIndex current() {
        RuleBook book = rules.current();
        List<ConstraintRule> lines = constraints.all();
        Map<String, ConstraintRule> byLayer = lines.stream()
                .collect(Collectors.toMap(ConstraintRule::layer, Function.identity()));
        List<LayerInfo> layers = catalog.all().stream()
                .filter(l -> l.kind() == LayerKind.PLAN_AREA || byLayer.containsKey(l.id()))
                .toList();
        String key = book.checksum() + "|" + lines + "|" + layers.stream().map(l -> l.id() + ":" + l.dataVersion())
                .collect(Collectors.joining(","));
        AreaIndex known = index;
        if (known != null && known.key().equals(key)) {
            return known;
        }
        synchronized (this) {
            known = index;
            if (known == null || !known.key().equals(key)) {
                known = build(key, book, layers, byLayer, lines);
                index = known;
            }
            return known;
        }
    }

    private AreaIndex build(String key, RuleBook book, List<LayerInfo> layers, Map<String, ConstraintRule> byLayer,
                            List<ConstraintRule> lines) {
        List<ReviewArea> areas = new ArrayList<>();
        for (LayerInfo layer : layers) {
            if (layer.featureCount() > properties.maxIndexedFeatures()) {
                throw new InvalidQueryException("图层“" + layer.id() + "”有 " + layer.featureCount() + " 个要素，超过审查可载入的上限 "
                        + properties.maxIndexedFeatures() + "；请取消其约束标记，或调高 plan.compliance.max-indexed-features",
                        "layer '" + layer.id() + "' holds " + layer.featureCount() + " features, more than a review may "
                                + "hold (plan.compliance.max-indexed-features = " + properties.maxIndexedFeatures()
                                + "): unmark it as a constraint, or raise the setting");
            }
            ConstraintRule constraint = byLayer.get(layer.id());
            List<String> names = nameFields(layer);
            store.readFeatures(layer.id(), features -> {
                features.forEach(feature -> areas.add(ReviewArea.of(layer.id(), layer.description().titleZh(),
                        layer.description().titleEn(), feature.id(), text(feature, names.get(0)),
                        text(feature, names.get(1)), accuracy(layer, feature),
                        constraint != null && constraint.sample() || Boolean.TRUE.equals(feature.properties().get("sample")),
                        feature.geometry(), book.purpose(layer.id(), feature.id()).orElse(null), constraint)));
                return null;
            });
        }
        return new AreaIndex(key, book, areas, lines);
    }

    /**
     * The fields that name a feature: name_zh and name_en, or for a layer without them (an imported
     * one names its features as its source did) its first text field.
     */
    static List<String> nameFields(LayerInfo layer) {
        if (layer.field("name_zh").isPresent()) {
            return Arrays.asList("name_zh", layer.field("name_en").isPresent() ? "name_en" : null);
        }
        String first = layer.fields().stream().filter(f -> f.type() == FieldType.STRING).map(FieldSpec::name)
                .findFirst().orElse(null);
        return Arrays.asList(first, null);
    }

    static String text(Feature feature, String field) {
        return field == null ? null : feature.text(field);
    }

    private static String accuracy(LayerInfo layer, Feature feature) {
        String own = feature.text("accuracy");
        return own != null ? own : layer.description().accuracy();
    }
}
