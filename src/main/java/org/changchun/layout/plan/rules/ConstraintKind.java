package org.changchun.layout.plan.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A kind of control line (永久基本农田, 生态保护红线, 城镇开发边界 …) and its rule: the level a site
 * fires inside the line and outside it (null: nothing), the industries the line permits, and the
 * document that governs it. A constraint layer takes its kind's rule unless it states its own.
 *
 * @param source the id of the {@link RuleSource} naming the governing document
 */
public record ConstraintKind(
        String kind,
        String nameZh,
        String nameEn,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) RuleLevel inside,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) RuleLevel outside,
        List<String> permittedIndustries,
        String messageZh,
        String messageEn,
        String source) {

    public ConstraintKind {
        permittedIndustries = List.copyOf(permittedIndustries);
        if (inside == null && outside == null) {
            throw new IllegalArgumentException("a constraint fires inside the line, outside it, or both");
        }
    }
}
