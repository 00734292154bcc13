package org.changchun.layout.indicators;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Indicators of every kind and comparator with a figure that should be met, on track, at risk or
 * lagging, or with none: the cases {@link StatusRule} is held to, on its own and through both stores.
 * Base year 2021, target year 2026; figures of 2024 (path 3/5 of the way) unless the case says otherwise.
 */
final class StatusCases {

    static final String CITY = "220100";
    static final int BASE_YEAR = 2021;
    static final int TARGET_YEAR = 2026;

    /**
     * @param figure the whole city's latest figure, empty for none
     */
    record Case(String name, Indicator indicator, Optional<Observation> figure, IndicatorStatus expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    private StatusCases() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (IndicatorKind kind : List.of(IndicatorKind.LEVEL, IndicatorKind.CUMULATIVE, IndicatorKind.SHARE,
                IndicatorKind.THRESHOLD)) {
            for (TargetComparator comparator : TargetComparator.values()) {
                boolean up = comparator.higherIsBetter();
                // more is better: 100 → 200 (a total from 0 → 50); less is better: 200 → 100
                double base = kind == IndicatorKind.CUMULATIVE && up ? 0 : up ? 100 : 200;
                double target = kind == IndicatorKind.CUMULATIVE && up ? 50 : up ? 200 : 100;
                double path2024 = base + (target - base) * 3 / 5;
                double sign = up ? 1 : -1;
                String name = kind.code() + " " + comparator.code() + " ";
                Indicator indicator = indicator("c" + n++, kind, comparator, target, false, base);
                cases.add(new Case(name + "met", indicator, figure(indicator, 2024, target + (strict(comparator)
                        ? sign : 0)), IndicatorStatus.MET));
                cases.add(new Case(name + "on track, on the path", indicator, figure(indicator, 2024, path2024),
                        IndicatorStatus.ON_TRACK));
                cases.add(new Case(name + "on track, ahead", indicator, figure(indicator, 2024,
                        path2024 + sign * Math.abs(path2024) * 0.02), IndicatorStatus.ON_TRACK));
                if (strict(comparator)) {
                    cases.add(new Case(name + "at the target is not more (or less) than it", indicator,
                            figure(indicator, 2024, target), IndicatorStatus.ON_TRACK));
                }
                cases.add(new Case(name + "at risk", indicator, figure(indicator, 2024,
                        path2024 - sign * Math.abs(path2024) * 0.04), IndicatorStatus.AT_RISK));
                cases.add(new Case(name + "lagging", indicator, figure(indicator, 2024,
                        path2024 - sign * Math.abs(path2024) * 0.06), IndicatorStatus.LAGGING));
                cases.add(new Case(name + "lagging, target year come and not met", indicator, figure(indicator,
                        TARGET_YEAR, target - sign * Math.abs(target) * 0.01), IndicatorStatus.LAGGING));
                cases.add(new Case(name + "no data", indicator, Optional.empty(), IndicatorStatus.NO_DATA));
            }
        }
        for (TargetComparator comparator : TargetComparator.values()) {
            boolean up = comparator.higherIsBetter();
            // R&D +10 % a year; or, where less is better, e.g. energy use per unit of GDP −3 % a year
            double rate = up ? 10 : -3;
            Indicator indicator = indicator("c" + n++, IndicatorKind.GROWTH_RATE, comparator, rate, false, 100);
            double path2024 = 100 * Math.pow(1 + rate / 100, 3);
            double end = 100 * Math.pow(1 + rate / 100, 5);
            double sign = up ? 1 : -1;
            String name = "growth_rate " + comparator.code() + " ";
            cases.add(new Case(name + "met in the target year", indicator, figure(indicator, TARGET_YEAR,
                    end + sign * 0.5), IndicatorStatus.MET));
            cases.add(new Case(name + "ahead of the path before the target year is on track, not met", indicator,
                    figure(indicator, 2024, path2024 * (up ? 1.2 : 0.9)), IndicatorStatus.ON_TRACK));
            cases.add(new Case(name + "on track, on the path", indicator, figure(indicator, 2024, path2024),
                    IndicatorStatus.ON_TRACK));
            cases.add(new Case(name + "at risk", indicator, figure(indicator, 2024, path2024 * (1 - sign * 0.04)),
                    IndicatorStatus.AT_RISK));
            cases.add(new Case(name + "lagging", indicator, figure(indicator, 2024, path2024 * (1 - sign * 0.06)),
                    IndicatorStatus.LAGGING));
            cases.add(new Case(name + "lagging, target year come and not met", indicator, figure(indicator,
                    TARGET_YEAR, end * (1 - sign * 0.01)), IndicatorStatus.LAGGING));
            cases.add(new Case(name + "no data", indicator, Optional.empty(), IndicatorStatus.NO_DATA));
        }
        for (TargetComparator comparator : TargetComparator.values()) {
            boolean up = comparator.higherIsBetter();
            // 空气质量优良天数比例保持90%以上; or a share to keep under a ceiling
            Indicator indicator = indicator("c" + n++, IndicatorKind.SHARE, comparator, 90, true, up ? 88 : 92);
            double sign = up ? 1 : -1;
            String name = "share held every year " + comparator.code() + " ";
            cases.add(new Case(name + "met this year", indicator, figure(indicator, 2024, 90 + sign),
                    IndicatorStatus.MET));
            cases.add(new Case(name + "missed by a little is at risk, never on track", indicator, figure(indicator,
                    2024, 90 - sign * 2), IndicatorStatus.AT_RISK));
            cases.add(new Case(name + "missed by more is lagging", indicator, figure(indicator, 2024, 90 - sign * 6),
                    IndicatorStatus.LAGGING));
            cases.add(new Case(name + "no data", indicator, Optional.empty(), IndicatorStatus.NO_DATA));
        }
        return cases;
    }

    static Indicator indicator(String id, IndicatorKind kind, TargetComparator comparator, double target, boolean hold,
                               double base) {
        return new Indicator(id, "sci-tech", "测试指标 " + id, "Test indicator " + id, kind, comparator, target,
                TARGET_YEAR, hold, kind == IndicatorKind.SHARE ? "%" : "亿元",
                kind == IndicatorKind.SHARE ? "%" : "100 million yuan", BASE_YEAR, base, null, true, "测试", null, null);
    }

    private static Optional<Observation> figure(Indicator indicator, int year, double value) {
        return Optional.of(new Observation(indicator.id(), year, CITY, value, null, true,
                OffsetDateTime.of(2026, 12, 6, 0, 0, 0, 0, ZoneOffset.UTC), "tester"));
    }

    private static boolean strict(TargetComparator comparator) {
        return comparator == TargetComparator.MORE_THAN || comparator == TargetComparator.LESS_THAN;
    }
}
