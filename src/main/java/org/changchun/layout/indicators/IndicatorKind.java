package org.changchun.layout.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of target an indicator has, which decides the path {@link Trajectory} draws from its
 * base to its target.
 */
public enum IndicatorKind {
    /** A yearly level to reach, e.g. 汽车产量 ≥ 400万辆: the figure of one year. Linear path. */
    LEVEL("年度水平", "annual level"),
    /** A total counted from the base year, e.g. 累计留长就业大学生: each figure is the total so far. Linear path. */
    CUMULATIVE("累计总量", "cumulative total"),
    /**
     * An average growth rate a year, e.g. R&amp;D 年均增长 10 %: the target is the rate (%/年), the
     * figures are the levels (亿元); the path compounds the rate from the base.
     */
    GROWTH_RATE("年均增速", "average growth rate"),
    /** A share in percent, e.g. 服务业增加值占GDP比重 &gt; 55 %. Linear path, or held every year. */
    SHARE("比重", "share"),
    /** A class to reach, e.g. 千亿级 → an industry scale of at least 1000亿元. Linear path. */
    THRESHOLD("规模门槛", "threshold");

    private final String nameZh;
    private final String nameEn;

    IndicatorKind(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The code used in gis-data/indicators.json and API answers ("level", "growth_rate", ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<IndicatorKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
