package org.changchun.layout.gisdata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.changchun.layout.indicators.Indicator;
import org.changchun.layout.indicators.IndicatorKind;
import org.changchun.layout.plan.CityTarget;

/** The six cities' targets, as the indicators that measure them define them (one file says each target once). */
final class CityTargets {

    private CityTargets() {
    }

    /** Each city's targets in the order of indicators.json, by city id (the whole city's goals too). */
    static Map<String, List<CityTarget>> of(IndicatorsReader.Definitions definitions) {
        String yearBasis = definitions.yearBasisZh() + " / " + definitions.yearBasisEn();
        return definitions.indicators().stream().collect(Collectors.groupingBy(Indicator::city, LinkedHashMap::new,
                Collectors.mapping(indicator -> target(indicator, yearBasis), Collectors.toList())));
    }

    private static CityTarget target(Indicator indicator, String yearBasis) {
        boolean rate = indicator.kind() == IndicatorKind.GROWTH_RATE;
        return new CityTarget(rate ? indicator.labelZh() + "年均增长" : indicator.labelZh(),
                rate ? indicator.labelEn() + ", average annual growth" : indicator.labelEn(), indicator.target(),
                indicator.targetUnitZh(), indicator.targetUnitEn(), indicator.comparator().code(),
                indicator.targetYear(), yearBasis, indicator.noteZh(), indicator.noteEn(), indicator.id());
    }
}
