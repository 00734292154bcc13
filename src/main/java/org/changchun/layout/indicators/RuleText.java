package org.changchun.layout.indicators;

/** {@link StatusRule} in words, with one indicator's numbers, in Chinese and in English. */
final class RuleText {

    /** The rule without an indicator's numbers, as {@link StatusRule} states it. */
    static final String GENERAL_ZH = "状态按全市最新数据与目标隐含的轨迹计算（年度水平、累计总量、比重、规模门槛按线性轨迹，"
            + "年均增速按复利轨迹，“保持”类目标各年均为目标值）：达到目标为已达成；不低于当年轨迹值为正常；落后于轨迹值"
            + "不超过轨迹值的" + StatusRule.AT_RISK_BAND_PERCENT + "%为预警；落后更多，或目标年已到仍未达成，为滞后；"
            + "尚无全市数据为无数据。年均增速须到目标年方可判为已达成。";
    static final String GENERAL_EN = "Statuses come from the latest figure for the whole city and the path the target "
            + "implies (linear for annual levels, cumulative totals, shares and thresholds; compounded for average "
            + "growth rates; the target itself in every year for targets held every year): met when the target is "
            + "met; on track when the figure is on or ahead of the path's value of its year; at risk when behind it "
            + "by at most " + StatusRule.AT_RISK_BAND_PERCENT + "% of that value; lagging when further behind, or "
            + "when the target year has come and the target is not met; no data without a figure for the whole "
            + "city. A growth rate is met only in its target year or later.";

    private RuleText() {
    }

    /**
     * @param year the latest figure's year, null when there is none
     * @param path the path's value in that year
     */
    static String zh(Indicator indicator, Integer year, Double path) {
        String unit = " " + indicator.unitZh();
        String target = indicator.comparator().sign() + " " + Figures.format(indicator.target()) + " "
                + indicator.targetUnitZh();
        boolean higher = indicator.comparator().higherIsBetter();
        String band = StatusRule.AT_RISK_BAND_PERCENT + "%";
        StringBuilder text = new StringBuilder();
        switch (Trajectory.shape(indicator)) {
            case HOLD -> text.append("每年保持：各年都应").append(target).append("，轨迹值即目标值。")
                    .append("当年达到为已达成；未达到但差距不超过目标值的").append(band).append("为预警；差距更大为滞后。");
            case COMPOUND -> text.append("复合增长轨迹：由").append(indicator.baseYear()).append("年基数 ")
                    .append(Figures.format(indicator.baseValue())).append(unit).append(" 按年均增长 ")
                    .append(Figures.format(indicator.target())).append("% 复利计算，").append(indicator.targetYear())
                    .append("年应达 ").append(Figures.format(Trajectory.end(indicator))).append(unit).append("。")
                    .append(indicator.targetYear()).append("年及以后的年均增速").append(target).append("为已达成；");
            case LINEAR -> text.append("线性轨迹：由").append(indicator.baseYear()).append("年基数 ")
                    .append(Figures.format(indicator.baseValue())).append(unit).append(" 到")
                    .append(indicator.targetYear()).append("年目标 ").append(Figures.format(indicator.target()))
                    .append(unit).append("。达到目标（").append(target).append("）为已达成；");
        }
        if (Trajectory.shape(indicator) != Trajectory.Shape.HOLD) {
            text.append(higher ? "不低于" : "不高于").append("当年轨迹值为正常；").append(higher ? "低于" : "高于")
                    .append("轨迹值但差距不超过轨迹值的").append(band).append("为预警；差距更大，或目标年已到仍未达成，为滞后。");
        }
        if (year == null) {
            text.append("尚无全市数据，状态为无数据。");
        } else {
            text.append(year).append("年轨迹值 ").append(Figures.format(path)).append(unit).append("。");
        }
        return text.toString();
    }

    static String en(Indicator indicator, Integer year, Double path) {
        String unit = unitEn(indicator.unitEn());
        String target = indicator.comparator().sign() + " " + Figures.format(indicator.target())
                + unitEn(indicator.targetUnitEn());
        boolean higher = indicator.comparator().higherIsBetter();
        String band = StatusRule.AT_RISK_BAND_PERCENT + "%";
        StringBuilder text = new StringBuilder();
        switch (Trajectory.shape(indicator)) {
            case HOLD -> text.append("Held every year: each year's figure should be ").append(target)
                    .append(", so the path is the target itself. Met when the year's figure meets it; at risk when it "
                            + "misses by at most ").append(band).append(" of the target; lagging when by more.");
            case COMPOUND -> text.append("Compound path: the ").append(indicator.baseYear()).append(" base of ")
                    .append(Figures.format(indicator.baseValue())).append(unit).append(" grown by ")
                    .append(Figures.format(indicator.target())).append("% a year reaches ")
                    .append(Figures.format(Trajectory.end(indicator))).append(unit).append(" in ")
                    .append(indicator.targetYear()).append(". Met when the average growth a year, in ")
                    .append(indicator.targetYear()).append(" or later, is ").append(target).append("; ");
            case LINEAR -> text.append("Linear path from the ").append(indicator.baseYear()).append(" base of ")
                    .append(Figures.format(indicator.baseValue())).append(unit).append(" to the ")
                    .append(indicator.targetYear()).append(" target of ").append(Figures.format(indicator.target()))
                    .append(unit).append(". Met when the figure is ").append(target).append("; ");
        }
        if (Trajectory.shape(indicator) != Trajectory.Shape.HOLD) {
            text.append("on track when it is ").append(higher ? "at or above" : "at or below")
                    .append(" the path's value of its year; at risk when it is behind by at most ").append(band)
                    .append(" of that value; lagging when further behind, or when the target year has come "
                            + "and the target is not met.");
        }
        if (year == null) {
            text.append(" No figure for the whole city yet: no data.");
        } else {
            text.append(" Path in ").append(year).append(": ").append(Figures.format(path)).append(unit).append('.');
        }
        return text.toString();
    }

    /** After a number: "% a year", "vehicles", or "(10,000 vehicles)" where the unit itself starts with one. */
    private static String unitEn(String unit) {
        return !unit.isEmpty() && Character.isDigit(unit.charAt(0)) ? " (" + unit + ")" : " " + unit;
    }
}
