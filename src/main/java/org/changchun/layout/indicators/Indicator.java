package org.changchun.layout.indicators;

import java.util.Objects;

/**
 * One target of the plan, as a measurable indicator ({@code gis-data/indicators.json}).
 *
 * @param city       the thematic city (六城) the target belongs to, or {@link #CITY_WIDE} for the
 *                   goals of the whole city (总体要求)
 * @param target     the value to reach by {@code targetYear}, in {@link #targetUnitZh()}: for a
 *                   {@link IndicatorKind#GROWTH_RATE} the rate in percent a year, for every other
 *                   kind in the unit of the figures
 * @param hold       the target holds in every year ("保持90%以上"), not only at the end
 * @param unitZh     the unit of the figures recorded for the indicator and of its base
 * @param baseValue  the figure of {@code baseYear} the path to the target starts from
 * @param baseSource where the base comes from (a statistics bulletin and its year), null when the
 *                   base is a sample
 * @param baseSample the base is invented (示例数据), not a published figure
 * @param quote      the sentence of the plan the target comes from
 */
public record Indicator(
        String id,
        String city,
        String labelZh,
        String labelEn,
        IndicatorKind kind,
        TargetComparator comparator,
        double target,
        int targetYear,
        boolean hold,
        String unitZh,
        String unitEn,
        int baseYear,
        double baseValue,
        String baseSource,
        boolean baseSample,
        String quote,
        String noteZh,
        String noteEn) {

    /** The city of the goals that concern the whole city rather than one of the six. */
    public static final String CITY_WIDE = "city-wide";

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(comparator, "comparator");
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException(id + ": the target year must come after the base year");
        }
        if (baseSample == (baseSource != null)) {
            throw new IllegalArgumentException(id + ": a base is either sample or has a source, not both or neither");
        }
        if (kind == IndicatorKind.GROWTH_RATE && !(baseValue > 0)) {
            throw new IllegalArgumentException(id + ": a growth rate needs a positive base to grow from");
        }
    }

    public boolean isCityWide() {
        return CITY_WIDE.equals(city);
    }

    /** The unit of the target: the figures' unit, or "%/年" for a growth rate. */
    public String targetUnitZh() {
        return kind == IndicatorKind.GROWTH_RATE ? "%/年" : unitZh;
    }

    public String targetUnitEn() {
        return kind == IndicatorKind.GROWTH_RATE ? "% a year" : unitEn;
    }

    /**
     * The indicator's id as an attribute name ("grain-output" → "grain_output"): CQL2 reads an
     * unquoted name only without '-'.
     */
    public String fieldName() {
        return id.replace('-', '_');
    }
}
