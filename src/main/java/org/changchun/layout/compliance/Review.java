package org.changchun.layout.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.changchun.layout.plan.rules.RuleSource;
import org.locationtech.jts.geom.Geometry;

/**
 * The review of one site: the verdict, the plan areas and control lines it falls in (with the
 * overlap on the ellipsoid, in m², and as a share of the site), every rule that fired with its
 * level and source, the existing projects it overlaps and, when it lies in no area meant for its
 * city, the nearest one that is. Geometries (the site and each overlap) come with a single check,
 * not with a batch.
 *
 * @param verdict      "compliant" (符合), "conditional" (有条件符合) or "non-compliant" (不符合)
 * @param citySharePct the share of the site, in %, that lies in areas meant for its declared city
 * @param rulesChecksum which rules.json was applied
 */
@JsonPropertyOrder({"site", "declared", "verdict", "verdict_zh", "verdict_en", "city_share_pct", "areas", "rules",
    "projects", "nearest", "notes", "rules_checksum", "checked_at"})
public record Review(
        SiteView site,
        Declared declared,
        String verdict,
        String verdictZh,
        String verdictEn,
        double citySharePct,
        List<AreaHit> areas,
        List<FiredRule> rules,
        List<ProjectOverlap> projects,
        @JsonInclude(JsonInclude.Include.NON_NULL) NearestArea nearest,
        List<Note> notes,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rulesChecksum,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime checkedAt) {

    /**
     * The site as reviewed (after any repair).
     *
     * @param id        the feature's id, when the site is a feature of a layer
     * @param layer     that layer
     * @param areaM2    the site's area on the ellipsoid; 0 for points
     * @param centroid  lon, lat of a point inside the site
     * @param geometry  the site in WGS84 (single checks only)
     */
    @Schema(name = "ReviewedSite")
    public record SiteView(
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn,
            String geometryType,
            double areaM2,
            double[] centroid,
            @JsonInclude(JsonInclude.Include.NON_NULL) Geometry geometry) {
    }

    /** The city and industry the site declares; null members when it declares none (or none known). */
    public record Declared(
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) String city,
            @JsonInclude(JsonInclude.Include.NON_NULL) String cityNameZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String cityNameEn,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) String industry,
            @JsonInclude(JsonInclude.Include.NON_NULL) String industryNameEn) {
    }

    /**
     * A plan area or control line the site overlaps.
     *
     * @param overlapM2    the overlap on the ellipsoid (0 for a point site)
     * @param sharePct     the share of the site inside it, in %
     * @param servesCity   whether the area is meant for the site's declared city
     * @param constraint   the kind of control line, for a constraint layer
     * @param sample       a schematic sample with no legal effect (示意，不具法律效力)
     * @param geometry     the overlap (single checks only)
     */
    public record AreaHit(
            String layer,
            String layerTitleZh,
            String layerTitleEn,
            String feature,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String accuracy,
            double overlapM2,
            double sharePct,
            boolean servesCity,
            List<String> cities,
            List<String> industries,
            @JsonInclude(JsonInclude.Include.NON_NULL) String constraint,
            boolean sample,
            @JsonInclude(JsonInclude.Include.NON_NULL) String noteZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String noteEn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Geometry geometry) {

        AreaHit withoutGeometry() {
            return new AreaHit(layer, layerTitleZh, layerTitleEn, feature, nameZh, nameEn, accuracy, overlapM2, sharePct,
                    servesCity, cities, industries, constraint, sample, noteZh, noteEn, null);
        }
    }

    /**
     * A rule that fired.
     *
     * @param id      "city-outside", "city-partly-outside", "industry-not-listed", "city-undeclared",
     *                "restriction:&lt;id&gt;", or "constraint:&lt;layer&gt;:inside|outside"
     * @param layer   the area or constraint layer the rule belongs to, if any
     * @param sample  the rule comes from a schematic sample layer, with no legal effect
     */
    public record FiredRule(
            String id,
            String level,
            String levelZh,
            String levelEn,
            String messageZh,
            String messageEn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
            @JsonInclude(JsonInclude.Include.NON_NULL) String feature,
            RuleSource source,
            boolean sample) {
    }

    /**
     * An existing project the site overlaps.
     *
     * @param overlapM2 the shared area on the ellipsoid; null when either is a point
     * @param sharePct  the share of the site it covers, in %; null when the site is a point
     */
    public record ProjectOverlap(
            String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nameEn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String city,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double overlapM2,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double sharePct) {
    }

    /** The nearest area meant for the site's city, when it lies in none; the distance on the ellipsoid. */
    public record NearestArea(String layer, String feature, String nameZh, String nameEn, double distanceM) {
    }

    /** Something the reader of the review should know that is not a rule: a repair, a part outside the city, samples. */
    @Schema(name = "ReviewNote")
    public record Note(String code, String messageZh, String messageEn) {
    }

    /** The same review without geometries and time, for a batch of reviews. */
    Review forBatch() {
        return new Review(new SiteView(site.id(), site.layer(), site.nameZh(), site.nameEn(), site.geometryType(),
                site.areaM2(), site.centroid(), null), declared, verdict, verdictZh, verdictEn, citySharePct,
                areas.stream().map(AreaHit::withoutGeometry).toList(), rules, projects, nearest, notes, null, null);
    }
}
