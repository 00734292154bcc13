package org.changchun.layout.indicators;

import java.util.Optional;

/**
 * Where an indicator stands: the one rule, applied to the latest figure for the whole city and
 * the path its target implies ({@link Trajectory}: linear for levels, cumulative totals, shares
 * and thresholds, compound for growth rates, the target itself every year for a target held
 * every year). Statuses are computed whenever asked, never stored, so a corrected figure or
 * definition changes them at once. In this order, the first that applies:
 *
 * <ol>
 *   <li><b>no data</b> (无数据): there is no figure for the whole city.</li>
 *   <li><b>met</b> (已达成): the latest figure satisfies the target (≥, &gt;, ≤ or &lt; its value).
 *       For a growth rate, the average growth a year from the base to the latest figure,
 *       ((latest ÷ base)^(1 ÷ years) − 1) × 100, satisfies the target rate, and the figure is of
 *       the target year or later: a rate over fewer years is not the plan's average.</li>
 *   <li><b>lagging</b> (滞后): the figure is of the target year or later, and the target is not met.</li>
 *   <li><b>on track</b> (正常): the figure is on the path or ahead of it, i.e. at least the path's
 *       value of its year where more is better (≥, &gt;), at most where less is better (≤, &lt;). A
 *       target held every year is never merely on track: a figure that does not meet it falls
 *       to the next two.</li>
 *   <li><b>at risk</b> (预警): behind the path by at most {@value #AT_RISK_BAND_PERCENT} % of the
 *       path's value.</li>
 *   <li><b>lagging</b> (滞后): behind the path by more.</li>
 * </ol>
 *
 * <p>The gap is the figure minus the path's value (the other way round where less is better), so a
 * positive gap is ahead; it is in the figures' unit (for a growth rate, the level's, e.g. 亿元).
 */
public final class StatusRule {

    /** How far behind the path, in percent of the path's value, a figure is still only at risk. */
    public static final int AT_RISK_BAND_PERCENT = 5;

    private StatusRule() {
    }

    public static Assessment assess(Indicator indicator, Optional<Observation> latest) {
        Trajectory.Shape shape = Trajectory.shape(indicator);
        if (latest.isEmpty()) {
            return new Assessment(IndicatorStatus.NO_DATA, null, null, null, null, null, null, null, shape,
                    RuleText.zh(indicator, null, null), RuleText.en(indicator, null, null));
        }
        Observation figure = latest.get();
        int year = figure.year();
        double path = Trajectory.at(indicator, year);
        double end = Trajectory.end(indicator);
        TargetComparator comparator = indicator.comparator();
        double gap = comparator.higherIsBetter() ? figure.value() - path : path - figure.value();
        Double gapPercent = path == 0 ? null : Figures.round(gap / Math.abs(path) * 100);
        Double rate = achievedRate(indicator, figure);
        boolean met = indicator.kind() == IndicatorKind.GROWTH_RATE
                ? rate != null && year >= indicator.targetYear() && comparator.holds(rate, indicator.target())
                : comparator.holds(figure.value(), indicator.target());
        IndicatorStatus status = status(indicator, year, met, gap, path);
        return new Assessment(status, figure, Figures.round(path), Figures.round(gap), gapPercent,
                rate == null ? null : Figures.round(rate), ratio(figure.value(), end, comparator),
                ratio(path, end, comparator), shape, RuleText.zh(indicator, year, path),
                RuleText.en(indicator, year, path));
    }

    private static IndicatorStatus status(Indicator indicator, int year, boolean met, double gap, double path) {
        if (met) {
            return IndicatorStatus.MET;
        }
        if (year >= indicator.targetYear()) {
            return IndicatorStatus.LAGGING;
        }
        if (gap >= 0 && !indicator.hold()) {
            return IndicatorStatus.ON_TRACK;
        }
        double band = Math.abs(path) * AT_RISK_BAND_PERCENT / 100;
        return -gap <= band ? IndicatorStatus.AT_RISK : IndicatorStatus.LAGGING;
    }

    /** The average growth a year since the base, in percent; null before a later year or without a level. */
    static Double achievedRate(Indicator indicator, Observation figure) {
        int years = figure.year() - indicator.baseYear();
        if (indicator.kind() != IndicatorKind.GROWTH_RATE || years <= 0) {
            return null;
        }
        if (figure.value() <= 0) {
            return -100.0;
        }
        return (Math.pow(figure.value() / indicator.baseValue(), 1.0 / years) - 1) * 100;
    }

    /** value ÷ end where more is better, end ÷ value where less is; null where that divides by zero. */
    private static Double ratio(double value, double end, TargetComparator comparator) {
        double numerator = comparator.higherIsBetter() ? value : end;
        double denominator = comparator.higherIsBetter() ? end : value;
        return denominator == 0 ? null : Figures.round(numerator / denominator);
    }
}
