package org.changchun.layout.plan.rules;

import java.util.List;

/**
 * What a plan area restricts: a site of one of these industries that overlaps the area fires the
 * rule at its level.
 *
 * @param source the id of the {@link RuleSource} the rule reads
 */
public record Restriction(
        String id,
        String layer,
        String feature,
        List<String> industries,
        RuleLevel level,
        String messageZh,
        String messageEn,
        String source) {

    public Restriction {
        industries = List.copyOf(industries);
    }
}
