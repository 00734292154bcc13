package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.plan.rules.Industries;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.springframework.stereotype.Service;

/**
 * The review of every feature of a layer: the project library, or an imported layer of sites whose
 * city and industry are read from two of its fields. All sites are reviewed against one snapshot of
 * the areas and rules, in parallel; a site outside Changchun is reviewed too, with a note.
 */
@Service
class BatchReviews {

    /** The reviews of a layer's sites (those of the verdicts asked for), in id order, with the count by verdict of all. */
    @JsonPropertyOrder({"source", "rules_checksum", "checked_at", "summary", "reviews"})
    @Schema(name = "ComplianceBatch")
    record Batch(String source, String rulesChecksum, OffsetDateTime checkedAt, Summary summary, List<Review> reviews) {
    }

    /**
     * How many sites got each verdict.
     *
     * @param notReviewed features of a mixed layer that are neither points nor polygons (lines), left out
     */
    @Schema(name = "ComplianceSummary")
    record Summary(int total, int compliant, int conditional, int nonCompliant, int notReviewed) {
    }

    private static final Set<String> LINE_TYPES = Set.of("LineString", "MultiLineString");

    private final FeatureStore store;
    private final Reviewer reviewer;
    private final Declarations declarations;
    private final ComplianceProperties properties;

    BatchReviews(FeatureStore store, Reviewer reviewer, Declarations declarations, ComplianceProperties properties) {
        this.store = store;
        this.reviewer = reviewer;
        this.declarations = declarations;
        this.properties = properties;
    }

    /**
     * @param cityField     the field holding each site's city; null for the default "city" (absent: no city)
     * @param industryField the field holding each site's industry; null for the default "industry"
     * @param verdicts      the verdicts to list (all when empty); the summary counts every site
     * @throws InvalidQueryException for a layer that is not points or polygons, too large, or a named field it lacks
     */
    Batch review(LayerInfo source, String cityField, String industryField, Set<Verdict> verdicts) {
        if (LINE_TYPES.contains(source.geometryType())) {
            throw new InvalidQueryException("图层“" + source.id() + "”的要素为" + source.geometryType() + "：场地须为点或面",
                    "layer '" + source.id() + "' holds " + source.geometryType() + " features: sites are points or polygons");
        }
        if (source.featureCount() > properties.maxSites()) {
            throw new InvalidQueryException("图层“" + source.id() + "”有 " + source.featureCount() + " 个场地，超过一次审查的上限 "
                    + properties.maxSites() + "（plan.compliance.max-sites）；请分成几个图层审查",
                    "layer '" + source.id() + "' holds " + source.featureCount() + " sites, more than one review may "
                            + "(plan.compliance.max-sites = " + properties.maxSites() + "): split it into smaller layers");
        }
        String city = field(source, "city_field", cityField, ProjectFields.CITY);
        String industry = field(source, "industry_field", industryField, ProjectFields.INDUSTRY);
        List<String> names = ReviewAreas.nameFields(source);
        List<Feature> all = store.readFeatures(source.id(), stream -> stream.toList());
        List<Feature> features = all.stream().filter(f -> f.geometry() instanceof Puntal
                || f.geometry() instanceof Polygonal).toList();
        AreaIndex index = reviewer.index();
        String self = source.id().equals(PlanLayers.PROJECTS) ? source.id() : null;
        List<Review> reviews = features.parallelStream().map(feature -> reviewer.review(index,
                Site.of(feature.id(), source.id(), ReviewAreas.text(feature, names.get(0)),
                        ReviewAreas.text(feature, names.get(1)), feature.geometry()),
                declaration(feature, city, industry), self == null ? null : feature.id(), false).forBatch()).toList();
        int[] counts = new int[Verdict.values().length];
        List<Review> listed = new ArrayList<>();
        for (Review review : reviews) {
            Verdict verdict = Verdict.named(review.verdict()).orElseThrow();
            counts[verdict.ordinal()]++;
            if (verdicts.isEmpty() || verdicts.contains(verdict)) {
                listed.add(review);
            }
        }
        return new Batch(source.id(), index.rules().checksum(), OffsetDateTime.now(ZoneOffset.UTC),
                new Summary(reviews.size(), counts[Verdict.COMPLIANT.ordinal()], counts[Verdict.CONDITIONAL.ordinal()],
                        counts[Verdict.NON_COMPLIANT.ordinal()], all.size() - features.size()), listed);
    }

    /** The field to read, or null when the default is absent (the sites then declare nothing). */
    private static String field(LayerInfo layer, String parameter, String given, String fallback) {
        if (given == null || given.isBlank()) {
            return layer.field(fallback).isPresent() ? fallback : null;
        }
        if (layer.field(given).isEmpty()) {
            throw new InvalidQueryException("图层“" + layer.id() + "”没有字段“" + given + "”（" + parameter + "）；字段有："
                    + String.join("、", layer.fields().stream().map(f -> f.name()).toList()),
                    "layer '" + layer.id() + "' has no field '" + given + "' (" + parameter + "); its fields are "
                            + String.join(", ", layer.fields().stream().map(f -> f.name()).toList()));
        }
        return given;
    }

    private Declaration declaration(Feature feature, String cityField, String industryField) {
        return declarations.asRecorded(cityField == null ? null : feature.text(cityField),
                industryField == null ? null : feature.text(industryField));
    }

    /** One of the six new industries, by its Chinese or English name. */
    static Optional<String> industry(String text) {
        String wanted = text.strip();
        return Industries.NAMES.entrySet().stream().filter(e -> e.getKey().equals(wanted)
                || e.getValue().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .map(java.util.Map.Entry::getKey).findFirst();
    }
}
