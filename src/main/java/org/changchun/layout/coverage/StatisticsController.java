package org.changchun.layout.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.plan.PlanLayers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "统计 Statistics", description = "项目库分组统计 / the project library grouped and added up")
class StatisticsController {

    /** A group's totals and the value of the measure asked for. */
    record Row(String key, String nameZh, String nameEn, long count,
               @JsonProperty("investment_cny_100m") double investmentCny100m,
               double areaKm2, double value) {
    }

    /**
     * @param sample   true when the figures add up invented sample projects (示例数据)
     * @param accuracy the source layer's accuracy: {@code schematic} (示意) when its areas are of drawn shapes
     * @param noteZh   what the figures are, and when they are invented or drawn, that they are
     */
    record StatisticsView(String source, String group, String measure,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String filter, ProjectSummary.Totals total,
                          List<Row> groups, boolean sample, String accuracy, String noteZh, String noteEn) {
    }

    enum StatisticsFormat implements ResponseFormat {
        JSON, CSV
    }

    private static final FormatParameter<StatisticsFormat> FORMAT =
            FormatParameter.of("format", StatisticsFormat.class, StatisticsFormat.JSON);

    private final ProjectStatistics statistics;

    StatisticsController(ProjectStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/statistics/projects")
    @Operation(summary = "项目统计 / project statistics",
            description = "Count, investment (亿元) and area (geodesic km²) of the features of `source` (default the "
                    + "project library) that `filter` (CQL2 text, CRS84) selects, by district (the district holding a "
                    + "feature's interior point; a polygon's area split among the districts it covers), city, status, "
                    + "industry or start year; `measure` names the total each group's `value` is. The same rules as "
                    + "/api/coverage/projects, so the same selection gives the same totals. format=csv for the table.")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = StatisticsView.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层 / no such layer")
    ResponseEntity<?> projects(
            @Parameter(schema = @Schema(allowableValues = {"district", "city", "status", "industry", "year"}))
            @RequestParam(required = false) String group,
            @Parameter(schema = @Schema(allowableValues = {"count", "investment", "area"}))
            @RequestParam(required = false) String measure,
            @Parameter(description = "CQL2 文本 / a CQL2 text filter, e.g. status='under_construction'")
            @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"})) @RequestParam(required = false) String format) {
        StatisticsFormat answerFormat = FORMAT.parse(format);
        ProjectStatistics.Answer answer = statistics.of(source, ProjectStatistics.Grouping.of(group),
                ProjectStatistics.Measure.of(measure), filter);
        List<Row> rows = answer.groups().stream().map(g -> new Row(g.key(), g.nameZh(), g.nameEn(), g.count(),
                g.investmentCny100m(), g.areaKm2(), answer.measure().of(g))).toList();
        String grouping = answer.grouping().code();
        return switch (answerFormat) {
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.JSON).body(new StatisticsView(answer.source(),
                    grouping, answer.measure().code(), filter == null || filter.isBlank() ? null : filter, answer.total(),
                    rows, answer.sample(), answer.accuracy(), noteZh(answer), noteEn(answer)));
            case CSV -> {
                List<List<Object>> table = new ArrayList<>();
                for (Row row : rows) {
                    table.add(List.of(row.key(), row.nameZh(), row.nameEn(), row.count(), row.investmentCny100m(),
                            row.areaKm2(), answer.sample(), answer.accuracy() == null ? "" : answer.accuracy()));
                }
                yield Csv.response(answer.source() + "-by-" + grouping + ".csv", List.of(grouping, "name_zh", "name_en", "count",
                        "investment_cny_100m", "area_km2", "sample", "accuracy"), table);
            }
        };
    }

    private static String noteZh(ProjectStatistics.Answer answer) {
        if (answer.sample()) {
            return "示例数据：项目与投资额为虚构，非真实统计";
        }
        return answer.schematic() ? "示意：面积按示意范围计算，非测绘成果" : "按所选要素统计";
    }

    private static String noteEn(ProjectStatistics.Answer answer) {
        if (answer.sample()) {
            return "sample data: the projects and their investment are invented, not real figures";
        }
        return answer.schematic() ? "schematic: the areas are of shapes drawn for illustration, not surveyed"
                : "totals of the selected features";
    }
}
