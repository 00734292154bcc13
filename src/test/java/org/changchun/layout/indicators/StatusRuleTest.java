package org.changchun.layout.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link StatusRule} for every kind and comparator: met, on track, at risk, lagging, no data. */
class StatusRuleTest {

    static List<StatusCases.Case> cases() {
        return StatusCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGetsItsStatus(StatusCases.Case example) {
        Assessment assessment = StatusRule.assess(example.indicator(), example.figure());

        assertThat(assessment.status()).isEqualTo(example.expected());
        assertThat(assessment.ruleZh()).isNotBlank();
        assertThat(assessment.ruleEn()).isNotBlank();
        if (example.figure().isEmpty()) {
            assertThat(assessment.trajectoryValue()).isNull();
            assertThat(assessment.gap()).isNull();
            return;
        }
        double path = Trajectory.at(example.indicator(), example.figure().get().year());
        assertThat(assessment.trajectoryValue()).isCloseTo(path, within(1e-3));
        double ahead = example.indicator().comparator().higherIsBetter()
                ? example.figure().get().value() - path : path - example.figure().get().value();
        assertThat(assessment.gap()).isCloseTo(ahead, within(1e-3));
    }

    @Test
    void theCasesCoverEveryKindComparatorAndStatus() {
        for (IndicatorKind kind : IndicatorKind.values()) {
            for (TargetComparator comparator : TargetComparator.values()) {
                List<IndicatorStatus> statuses = cases().stream().filter(c -> c.indicator().kind() == kind
                        && c.indicator().comparator() == comparator).map(StatusCases.Case::expected).distinct().toList();
                assertThat(statuses).as(kind + " " + comparator).containsExactlyInAnyOrder(IndicatorStatus.values());
            }
        }
    }

    @Test
    void aGrowthRateCompoundsFromItsBase() {
        Indicator rd = StatusCases.indicator("rd", IndicatorKind.GROWTH_RATE, TargetComparator.AT_LEAST, 10, false, 160);

        assertThat(Trajectory.at(rd, 2021)).isEqualTo(160);
        assertThat(Trajectory.at(rd, 2025)).isCloseTo(160 * 1.4641, within(1e-9));
        assertThat(Trajectory.end(rd)).isCloseTo(160 * 1.61051, within(1e-9));
        assertThat(Trajectory.at(rd, 2030)).as("after the target year, its end").isEqualTo(Trajectory.end(rd));
        Assessment assessment = StatusRule.assess(rd, Optional.of(new Observation("rd", 2025, "220100", 225.61, null,
                true, OffsetDateTime.now(), "tester")));
        assertThat(assessment.achievedRate()).as("(225.61 ÷ 160)^(1/4) − 1").isCloseTo(8.97, within(0.01));
        assertThat(assessment.status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(assessment.shape()).isEqualTo(Trajectory.Shape.COMPOUND);
        assertThat(assessment.ruleZh()).contains("复合增长轨迹", "10% 复利", "2025年轨迹值 234.26 亿元");
        assertThat(assessment.ruleEn()).contains("Compound path", "234.26 (100 million yuan)");
    }

    @Test
    void aLevelFollowsAStraightLineAndSaysSoInWords() {
        Indicator cars = StatusCases.indicator("cars", IndicatorKind.LEVEL, TargetComparator.AT_LEAST, 400, false, 242.1);

        assertThat(Trajectory.at(cars, 2025)).isCloseTo(242.1 + 157.9 * 4 / 5, within(1e-9));
        assertThat(Trajectory.at(cars, 2019)).as("before the base year, the base").isEqualTo(242.1);
        Assessment assessment = StatusRule.assess(cars, Optional.of(new Observation("cars", 2025, "220100", 359.68,
                null, true, OffsetDateTime.now(), "tester")));
        assertThat(assessment.status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(assessment.gapPercent()).isCloseTo(-2.37, within(0.01));
        assertThat(assessment.completion()).isCloseTo(359.68 / 400, within(1e-4));
        assertThat(assessment.trajectoryCompletion()).isCloseTo(368.42 / 400, within(1e-4));
        assertThat(assessment.ruleZh()).startsWith("线性轨迹：由2021年基数 242.1 亿元 到2026年目标 400 亿元")
                .contains("差距不超过轨迹值的5%为预警", "2025年轨迹值 368.42 亿元");
    }
}
