package org.changchun.layout.plan.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A layer whose polygons are control lines, with the rule a site is held to there.
 *
 * @param origin   "rules.json" for a constraint the plan data ships, "marked" for an imported layer an
 *                 editor marked as a constraint
 * @param sample   whether the layer is a schematic sample with no legal effect (示意，不具法律效力)
 * @param source   the governing document
 * @param markedBy who marked the layer (origin "marked"), null otherwise
 */
public record ConstraintRule(
        String layer,
        String kind,
        String nameZh,
        String nameEn,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) RuleLevel inside,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) RuleLevel outside,
        List<String> permittedIndustries,
        String messageZh,
        String messageEn,
        RuleSource source,
        boolean sample,
        String origin,
        @JsonInclude(JsonInclude.Include.NON_NULL) String markedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime markedAt) {

    public static final String SHIPPED = "rules.json";
    public static final String MARKED = "marked";

    public ConstraintRule {
        permittedIndustries = List.copyOf(permittedIndustries);
    }

    public boolean permits(String industry) {
        return industry != null && permittedIndustries.contains(industry);
    }
}
