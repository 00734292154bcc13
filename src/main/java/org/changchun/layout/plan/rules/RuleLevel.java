package org.changchun.layout.plan.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a fired rule weighs in a review, strongest first: a conflict makes a site 不符合, a
 * condition 有条件符合, advice leaves the verdict as it is.
 */
public enum RuleLevel {
    /** 冲突: the site contradicts the rule. */
    CONFLICT("冲突", "conflict"),
    /** 有条件: the site may go ahead if it meets the rule's condition. */
    CONDITION("有条件", "condition"),
    /** 建议: worth knowing, no bearing on the verdict. */
    ADVICE("建议", "advice");

    private final String nameZh;
    private final String nameEn;

    RuleLevel(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The code in rules.json and API answers ("conflict", "condition", "advice"). */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The stronger of two levels; null counts as none. */
    public static RuleLevel strongest(RuleLevel a, RuleLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() <= b.ordinal() ? a : b;
    }

    public static Optional<RuleLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }
}
