package org.changchun.layout.indicators;

import java.util.Arrays;
import java.util.Optional;

/** How a target is meant: at least, more than, at most or less than its value. */
public enum TargetComparator {
    AT_LEAST(">=", "≥", "不低于", "at least"),
    MORE_THAN(">", ">", "超过", "more than"),
    AT_MOST("<=", "≤", "不高于", "at most"),
    LESS_THAN("<", "<", "低于", "less than");

    private final String code;
    private final String sign;
    private final String wordsZh;
    private final String wordsEn;

    TargetComparator(String code, String sign, String wordsZh, String wordsEn) {
        this.code = code;
        this.sign = sign;
        this.wordsZh = wordsZh;
        this.wordsEn = wordsEn;
    }

    /** As written in gis-data/indicators.json and API answers: "&gt;=", "&gt;", "&lt;=", "&lt;". */
    public String code() {
        return code;
    }

    /** As shown to people: ≥, &gt;, ≤, &lt;. */
    public String sign() {
        return sign;
    }

    public String wordsZh() {
        return wordsZh;
    }

    public String wordsEn() {
        return wordsEn;
    }

    /** Whether more is better: a figure above the path is ahead of it. */
    public boolean higherIsBetter() {
        return this == AT_LEAST || this == MORE_THAN;
    }

    /** Whether a value satisfies the target. */
    public boolean holds(double value, double target) {
        return switch (this) {
            case AT_LEAST -> value >= target;
            case MORE_THAN -> value > target;
            case AT_MOST -> value <= target;
            case LESS_THAN -> value < target;
        };
    }

    public static Optional<TargetComparator> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
