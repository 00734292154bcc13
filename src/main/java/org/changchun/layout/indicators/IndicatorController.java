package org.changchun.layout.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.indicators.IndicatorViews.IndicatorDetails;
import org.changchun.layout.indicators.IndicatorViews.IndicatorList;
import org.changchun.layout.indicators.IndicatorViews.IndicatorSummary;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "指标监测 Monitoring", description = "规划目标的指标、年度数据与状态（已达成、正常、预警、滞后）/ the plan's "
        + "targets as indicators, their yearly figures and where each stands (met, on track, at risk, lagging)")
class IndicatorController {

    /** What {@code /api/indicators} answers in: the list with counts, or a table of the indicators. */
    enum ListFormat implements ResponseFormat {
        JSON, CSV
    }

    private static final FormatParameter<ListFormat> FORMAT = FormatParameter.of("format", ListFormat.class,
            ListFormat.JSON);

    private final IndicatorReports reports;
    private final IndicatorCatalog indicators;
    private final CityCatalog cities;

    IndicatorController(IndicatorReports reports, IndicatorCatalog indicators, CityCatalog cities) {
        this.reports = reports;
        this.indicators = indicators;
        this.cities = cities;
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "全部指标及状态 / every indicator and where it stands",
            description = "Each target of the plan as an indicator: its definition (kind, comparator, target and year, "
                    + "base), its latest figure for the whole city, the path's value in that year (`trajectory_value`), "
                    + "the `gap`, the `status` (met, on_track, at_risk, lagging, no_data) and the `rule` that gave it, in "
                    + "words with the indicator's numbers (`rule_zh`, `rule_en`); `sample` is true when the status rests "
                    + "on a sample figure (示例数据). Counted by status overall and per city. `city=` (one of the six, or "
                    + "city-wide) and `status=` narrow the list; `format=csv` gives it as a table.")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = IndicatorList.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> list(@Parameter(description = "automobile, agriculture, dual-carbon, sci-tech, consumption, "
                                   + "culture or city-wide") @RequestParam Optional<String> city,
                           @Parameter(schema = @Schema(allowableValues = {"met", "on_track", "at_risk", "lagging",
                               "no_data"})) @RequestParam Optional<String> status,
                           @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                           @RequestParam Optional<String> format) {
        ListFormat answerAs = FORMAT.parse(format.orElse(null));
        IndicatorList list = reports.list(city.filter(c -> !c.isBlank()).map(this::knownCity),
                status.filter(s -> !s.isBlank()).map(IndicatorController::knownStatus));
        return switch (answerAs) {
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.JSON).body(list);
            case CSV -> csv(list.indicators());
        };
    }

    @GetMapping(value = "/api/indicators/{id}", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "一个指标 / one indicator",
            description = "where it stands, the path from the base to the target year (`trajectory`: linear, or "
                    + "compounded for growth rates), and its figures by year for the whole city and each district that "
                    + "has some (`series`)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该指标 / no indicator with this id")
    IndicatorDetails indicator(@PathVariable String id) {
        return reports.details(id);
    }

    @GetMapping(value = "/api/cities/{id}/indicators", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "一城的指标 / one city's indicators",
            description = "the indicators of one of the six cities, as /api/indicators?city= gives them")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该城 / no city with this id")
    IndicatorList cityIndicators(@PathVariable String id) {
        return reports.list(Optional.of(cities.get(id).id()), Optional.empty());
    }

    private String knownCity(String city) {
        if (Indicator.CITY_WIDE.equals(city) || cities.find(city).isPresent()) {
            return city;
        }
        List<String> known = new ArrayList<>(List.of(Indicator.CITY_WIDE));
        cities.all().forEach(c -> known.add(c.id()));
        throw new InvalidQueryException("没有城市“" + city + "”；可用：" + String.join("、", known),
                "no city '" + city + "'; use one of " + String.join(", ", known));
    }

    private static IndicatorStatus knownStatus(String status) {
        return IndicatorStatus.fromCode(status).orElseThrow(() -> {
            List<String> codes = Arrays.stream(IndicatorStatus.values()).map(IndicatorStatus::code).toList();
            return new InvalidQueryException("没有状态“" + status + "”；可用：" + String.join("、", codes),
                    "no status '" + status + "'; use one of " + String.join(", ", codes));
        });
    }

    private static ResponseEntity<byte[]> csv(List<IndicatorSummary> list) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorSummary i : list) {
            rows.add(Arrays.asList(i.id(), i.city(), i.cityNameZh(), i.labelZh(), i.labelEn(), i.kind(), i.comparator(),
                    i.target(), i.targetUnitZh(), i.targetYear(), i.unitZh(), i.baseYear(), i.baseValue(),
                    i.baseSample(), i.baseSource(), i.latest() == null ? null : i.latest().year(),
                    i.latest() == null ? null : i.latest().value(), i.latest() == null ? null : i.latest().source(),
                    i.latest() == null ? null : i.latest().sample(), i.trajectoryValue(), i.gap(), i.gapPercent(),
                    i.achievedRate(), i.status(), i.statusZh(), i.sample(), i.sample() ? "示例数据 / sample" : ""));
        }
        return Csv.response("indicators.csv", List.of("id", "city", "city_name_zh", "label_zh", "label_en", "kind",
                "comparator", "target", "target_unit", "target_year", "unit", "base_year", "base_value", "base_sample",
                "base_source", "latest_year", "latest_value", "latest_source", "latest_sample", "trajectory_value", "gap",
                "gap_percent", "achieved_rate", "status", "status_zh", "sample", "data_note"), rows);
    }
}
