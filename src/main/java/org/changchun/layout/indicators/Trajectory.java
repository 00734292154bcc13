package org.changchun.layout.indicators;

/**
 * The path an indicator's target implies from its base to its target year: the value a year's
 * figure should have reached for the target to be met on time.
 *
 * <ul>
 *   <li>levels, cumulative totals, shares and thresholds: a straight line from the base value in
 *       the base year to the target value in the target year;</li>
 *   <li>growth rates: the base compounded at the target rate, base × (1 + rate/100)^(year − base
 *       year);</li>
 *   <li>targets held every year ({@link Indicator#hold()}): the target value in every year.</li>
 * </ul>
 * Years before the base year take the base value, years after the target year the target's.
 */
public final class Trajectory {

    /** How the path is drawn, as API answers name it in {@code rule}. */
    public enum Shape {
        LINEAR, COMPOUND, HOLD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Trajectory() {
    }

    public static Shape shape(Indicator indicator) {
        if (indicator.hold()) {
            return Shape.HOLD;
        }
        return indicator.kind() == IndicatorKind.GROWTH_RATE ? Shape.COMPOUND : Shape.LINEAR;
    }

    /** The value the path reaches in a year, in the unit of the figures. */
    public static double at(Indicator indicator, int year) {
        int from = indicator.baseYear();
        int to = indicator.targetYear();
        int clamped = Math.max(from, Math.min(to, year));
        return switch (shape(indicator)) {
            case HOLD -> indicator.target();
            case COMPOUND -> indicator.baseValue() * Math.pow(1 + indicator.target() / 100, clamped - from);
            case LINEAR -> indicator.baseValue()
                    + (indicator.target() - indicator.baseValue()) * (clamped - from) / (to - from);
        };
    }

    /** Where the path ends in the target year, in the unit of the figures (for a growth rate: a level). */
    public static double end(Indicator indicator) {
        return at(indicator, indicator.targetYear());
    }
}
