package org.changchun.layout.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.changchun.layout.plan.rules.RuleLevel;

/** The outcome of a review: the strongest rule that fired decides it; advice leaves a site compliant. */
enum Verdict {
    COMPLIANT("符合", "Compliant"),
    CONDITIONAL("有条件符合", "Conditionally compliant"),
    NON_COMPLIANT("不符合", "Non-compliant");

    private final String nameZh;
    private final String nameEn;

    Verdict(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** "compliant", "conditional", "non-compliant". */
    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String nameZh() {
        return nameZh;
    }

    String nameEn() {
        return nameEn;
    }

    static Verdict of(RuleLevel strongest) {
        if (strongest == RuleLevel.CONFLICT) {
            return NON_COMPLIANT;
        }
        return strongest == RuleLevel.CONDITION ? CONDITIONAL : COMPLIANT;
    }

    /** A verdict by its code or its Chinese name, as a filter names it. */
    static Optional<Verdict> named(String text) {
        String wanted = text.strip();
        return Arrays.stream(values()).filter(v -> v.code().equalsIgnoreCase(wanted) || v.nameZh.equals(wanted))
                .findFirst();
    }
}
