package org.changchun.layout.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.changchun.layout.indicators.IndicatorViews.AreaSeries;
import org.changchun.layout.indicators.IndicatorViews.CityStatus;
import org.changchun.layout.indicators.IndicatorViews.Figure;
import org.changchun.layout.indicators.IndicatorViews.IndicatorDetails;
import org.changchun.layout.indicators.IndicatorViews.IndicatorList;
import org.changchun.layout.indicators.IndicatorViews.IndicatorSummary;
import org.changchun.layout.indicators.IndicatorViews.StatusCounts;
import org.changchun.layout.indicators.IndicatorViews.TrajectoryPoint;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.springframework.stereotype.Service;

/** Where the indicators stand: the definitions, the figures and {@link StatusRule}, put together for reading. */
@Service
class IndicatorReports {

    private final IndicatorCatalog indicators;
    private final ObservationStore observations;
    private final IndicatorAreas areas;
    private final CityCatalog cities;

    IndicatorReports(IndicatorCatalog indicators, ObservationStore observations, IndicatorAreas areas,
                     CityCatalog cities) {
        this.indicators = indicators;
        this.observations = observations;
        this.areas = areas;
        this.cities = cities;
    }

    /**
     * @param city   only this city's indicators (one of the six, or {@code city-wide})
     * @param status only the indicators that stand so
     */
    IndicatorList list(Optional<String> city, Optional<IndicatorStatus> status) {
        Map<String, List<Observation>> figures = observations.all().stream()
                .collect(Collectors.groupingBy(Observation::indicator, LinkedHashMap::new, Collectors.toList()));
        List<IndicatorSummary> all = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            if (city.isEmpty() || city.get().equals(indicator.city())) {
                all.add(summary(indicator, figures.getOrDefault(indicator.id(), List.of())));
            }
        }
        List<IndicatorSummary> listed = all.stream()
                .filter(s -> status.isEmpty() || s.status().equals(status.get().code())).toList();
        List<CityStatus> byCity = new ArrayList<>();
        for (String id : cityIds()) {
            List<IndicatorSummary> own = listed.stream().filter(s -> s.city().equals(id)).toList();
            if (city.isEmpty() || city.get().equals(id)) {
                byCity.add(new CityStatus(id, cityNameZh(id), cityNameEn(id),
                        cities.find(id).map(City::colour).orElse(null), StatusCounts.of(own)));
            }
        }
        return new IndicatorList(listed, StatusCounts.of(listed), byCity, RuleText.GENERAL_ZH, RuleText.GENERAL_EN);
    }

    IndicatorDetails details(String id) {
        Indicator indicator = indicators.get(id);
        List<Observation> figures = observations.of(id);
        List<TrajectoryPoint> path = new ArrayList<>();
        for (int year = indicator.baseYear(); year <= indicator.targetYear(); year++) {
            path.add(new TrajectoryPoint(year, Figures.round(Trajectory.at(indicator, year))));
        }
        Map<String, List<Observation>> byArea = figures.stream()
                .collect(Collectors.groupingBy(Observation::area, LinkedHashMap::new, Collectors.toList()));
        List<AreaSeries> series = new ArrayList<>();
        for (IndicatorArea area : areas.all()) {
            List<Observation> own = byArea.remove(area.adcode());
            if (own != null || !area.district()) {
                series.add(new AreaSeries(area.adcode(), area.nameZh(), area.nameEn(), area.district(),
                        own == null ? List.of() : own.stream().map(f -> area.district() ? Figure.of(f)
                                : Figure.assessed(indicator, f)).toList()));
            }
        }
        // figures of an area the districts layer no longer has (it was replaced) are still shown
        byArea.forEach((area, own) -> series.add(new AreaSeries(area, area, area, true,
                own.stream().map(Figure::of).toList())));
        return new IndicatorDetails(summary(indicator, figures), path, series);
    }

    IndicatorSummary summary(Indicator indicator, List<Observation> figures) {
        String city = areas.all().isEmpty() ? null : areas.all().get(0).adcode();
        Optional<Observation> latest = figures.stream().filter(f -> f.area().equals(city))
                .max(Comparator.comparingInt(Observation::year));
        boolean districtFigures = figures.stream().anyMatch(f -> !f.area().equals(city));
        Assessment assessment = StatusRule.assess(indicator, latest);
        return new IndicatorSummary(indicator.id(), indicator.city(), cityNameZh(indicator.city()),
                cityNameEn(indicator.city()), indicator.labelZh(), indicator.labelEn(), indicator.kind().code(),
                indicator.kind().nameZh(), indicator.kind().nameEn(), indicator.comparator().code(), indicator.target(),
                indicator.targetUnitZh(), indicator.targetUnitEn(), indicator.targetYear(), indicator.hold(),
                indicator.unitZh(), indicator.unitEn(), indicator.baseYear(), indicator.baseValue(),
                indicator.baseSource(), indicator.baseSample(), latest.map(f -> Figure.assessed(indicator, f)).orElse(null),
                assessment.trajectoryValue(), assessment.gap(), assessment.gapPercent(), assessment.achievedRate(),
                assessment.completion(), assessment.trajectoryCompletion(), assessment.status().code(),
                assessment.status().nameZh(), assessment.status().nameEn(), assessment.shape().code(),
                assessment.ruleZh(), assessment.ruleEn(),
                indicator.baseSample() || latest.map(Observation::sample).orElse(false), districtFigures,
                indicator.quote(), indicator.noteZh(), indicator.noteEn());
    }

    /** The whole city first, then the six in the plan's order. */
    private List<String> cityIds() {
        List<String> ids = new ArrayList<>(List.of(Indicator.CITY_WIDE));
        cities.all().forEach(c -> ids.add(c.id()));
        return ids;
    }

    private String cityNameZh(String city) {
        return Indicator.CITY_WIDE.equals(city) ? "全市" : cities.find(city).map(City::nameZh).orElse(city);
    }

    private String cityNameEn(String city) {
        return Indicator.CITY_WIDE.equals(city) ? "Whole city" : cities.find(city).map(City::nameEn).orElse(city);
    }
}
