package org.changchun.layout.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The shapes in which {@code /api/indicators} answers. */
final class IndicatorViews {

    private IndicatorViews() {
    }

    /**
     * One figure of a series.
     *
     * @param sample     the figure is invented (示例数据), not published
     * @param recordedBy the editor who recorded it; absent for the shipped baseline
     * @param status     the whole city's figures only: where the target stood in that year, by the rule
     *                   applied to this figure as if it were the latest (met, on_track, at_risk, lagging)
     */
    @Schema(name = "IndicatorFigure")
    record Figure(int year, double value, @JsonInclude(JsonInclude.Include.NON_NULL) String source, boolean sample,
                  OffsetDateTime recordedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String recordedBy,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String status) {

        /** A district's figure: districts have no targets of their own, so no status. */
        static Figure of(Observation observation) {
            return new Figure(observation.year(), observation.value(), observation.source(), observation.sample(),
                    observation.recordedAt(), observation.recordedBy(), null);
        }

        /** A figure of the whole city, with the status the target had in its year. */
        static Figure assessed(Indicator indicator, Observation observation) {
            return new Figure(observation.year(), observation.value(), observation.source(), observation.sample(),
                    observation.recordedAt(), observation.recordedBy(),
                    StatusRule.assess(indicator, Optional.of(observation)).status().code());
        }
    }

    /**
     * An indicator with where it stands.
     *
     * @param city              one of the six cities' ids, or {@code city-wide}
     * @param target            in {@code target_unit_zh}: for a growth rate the rate (%/年), else the figures' unit
     * @param unitZh            the unit of the figures, the base and the path
     * @param latest            the latest figure for the whole city; absent when there is none
     * @param trajectoryValue   the path's value in the latest figure's year
     * @param gap               latest minus path (turned round where less is better): positive is ahead
     * @param gapPercent        the gap in percent of the path's value
     * @param achievedRate      growth rates only: the average growth a year since the base, in percent
     * @param completion        latest ÷ where the path ends (1 = there)
     * @param trajectoryCompletion where the path itself stands in that year, on the same scale
     * @param rule              the path's shape: linear, compound or hold
     * @param ruleZh            the rule, with this indicator's numbers
     * @param sample            the status rests on a sample: the latest figure or the base is 示例数据
     * @param districtFigures   some district has figures of it (a choropleth can be drawn)
     * @param quote             the plan's sentence the target comes from
     */
    record IndicatorSummary(
            String id,
            String city,
            String cityNameZh,
            String cityNameEn,
            String labelZh,
            String labelEn,
            String kind,
            String kindZh,
            String kindEn,
            String comparator,
            double target,
            String targetUnitZh,
            String targetUnitEn,
            int targetYear,
            boolean hold,
            String unitZh,
            String unitEn,
            int baseYear,
            double baseValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) String baseSource,
            boolean baseSample,
            @JsonInclude(JsonInclude.Include.NON_NULL) Figure latest,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double trajectoryValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double gap,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double gapPercent,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double achievedRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double completion,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double trajectoryCompletion,
            String status,
            String statusZh,
            String statusEn,
            String rule,
            String ruleZh,
            String ruleEn,
            boolean sample,
            boolean districtFigures,
            String quote,
            @JsonInclude(JsonInclude.Include.NON_NULL) String noteZh,
            @JsonInclude(JsonInclude.Include.NON_NULL) String noteEn) {
    }

    /** How many indicators stand where. */
    record StatusCounts(int met, int onTrack, int atRisk, int lagging, int noData) {

        static StatusCounts of(List<IndicatorSummary> indicators) {
            return new StatusCounts(count(indicators, IndicatorStatus.MET), count(indicators, IndicatorStatus.ON_TRACK),
                    count(indicators, IndicatorStatus.AT_RISK), count(indicators, IndicatorStatus.LAGGING),
                    count(indicators, IndicatorStatus.NO_DATA));
        }

        private static int count(List<IndicatorSummary> indicators, IndicatorStatus status) {
            return (int) indicators.stream().filter(i -> i.status().equals(status.code())).count();
        }
    }

    /** A city's indicators counted by status: which city is behind. */
    record CityStatus(String city, String nameZh, String nameEn,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String colour, StatusCounts counts) {
    }

    /**
     * The indicators asked for, counted by status overall and per city, and the rule in words.
     *
     * @param cities every city with indicators (the whole city first), counting only those listed
     */
    record IndicatorList(List<IndicatorSummary> indicators, StatusCounts counts, List<CityStatus> cities,
                         String ruleZh, String ruleEn) {
    }

    /** The figures of one area by year: the whole city, or a district. */
    record AreaSeries(String area, String nameZh, String nameEn, boolean district, List<Figure> figures) {
    }

    /** A year's value on the path to the target. */
    record TrajectoryPoint(int year, double value) {
    }

    /**
     * One indicator: where it stands, the path from base to target year by year, and the figures of
     * the whole city and of every district that has some.
     */
    record IndicatorDetails(IndicatorSummary indicator, List<TrajectoryPoint> trajectory, List<AreaSeries> series) {
    }
}
