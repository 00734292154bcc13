package org.changchun.layout.indicators;

/**
 * Where an indicator stands, as {@link StatusRule} judges it from its latest figure.
 *
 * @param latest               the latest figure for the whole city; null when there is none
 * @param trajectoryValue      the path's value in the latest figure's year; null without a figure
 * @param gap                  the latest figure minus the path's value, positive when ahead (signs
 *                             turned for targets where less is better), in the figures' unit
 * @param gapPercent           the gap as a percentage of the path's value
 * @param achievedRate         for a growth rate: the average growth a year from the base to the
 *                             latest figure, in percent; null for other kinds or without a later figure
 * @param completion           how far the latest figure has come towards where the path ends (1 = there)
 * @param trajectoryCompletion how far the path itself has come by the latest figure's year
 */
public record Assessment(
        IndicatorStatus status,
        Observation latest,
        Double trajectoryValue,
        Double gap,
        Double gapPercent,
        Double achievedRate,
        Double completion,
        Double trajectoryCompletion,
        Trajectory.Shape shape,
        String ruleZh,
        String ruleEn) {
}
