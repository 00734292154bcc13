package org.changchun.layout.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.geo.MetricBuffer;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/coverage")
@Tag(name = "覆盖分析 Coverage", description = "区域内的项目、覆盖率 / projects in an area, how much of it they cover")
class CoverageController {

    /**
     * @param distanceM       the distance of mode {@code near}, absent for the other modes
     * @param numberMatched   the features in the area, all of which the summary adds up
     * @param numberReturned  the features listed: all of them, or none when they are more than
     *                        {@code plan.coverage.max-features}
     * @param featuresOmitted why the features are not listed and where to read them, when they are not
     */
    @JsonPropertyOrder({"type", "area", "mode", "distance_m", "source", "number_matched", "number_returned",
        "features_omitted", "summary", "features"})
    record ProjectsView(String type, CoverageArea area, String mode,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceM, String source,
                        long numberMatched, long numberReturned,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Omitted featuresOmitted,
                        ProjectSummary summary, List<GeoJsonFeature> features) {
    }

    /** Why an answer lists none of the features its totals add up, in both languages, and where they are. */
    record Omitted(String messageZh, String messageEn, String items) {

        static Omitted of(ProjectsInArea.Answer answer, int most) {
            return new Omitted("区域内有 " + answer.numberMatched() + " 个要素，超过单次列出的上限 " + most
                    + " 个：汇总包括全部要素，要素本身请用 OGC 要素接口分页读取",
                    answer.numberMatched() + " features match, more than the " + most + " one answer may list: "
                            + "the summary adds up all of them; page through the items API for the features",
                    "/ogc/collections/" + answer.source() + "/items");
        }
    }

    /** What {@code /api/coverage/projects} answers in: the features, or a table of them or of their totals. */
    enum ProjectsFormat implements ResponseFormat {
        GEOJSON, CSV
    }

    /** What {@code /api/coverage/share} answers in: the shares, or a table of them by district. */
    enum ShareFormat implements ResponseFormat {
        JSON, CSV
    }

    private static final FormatParameter<ProjectsFormat> PROJECTS_FORMAT =
            FormatParameter.of("format", ProjectsFormat.class, ProjectsFormat.GEOJSON);
    private static final FormatParameter<ShareFormat> SHARE_FORMAT =
            FormatParameter.of("format", ShareFormat.class, ShareFormat.JSON);
    private static final NumberParameter<Double> DISTANCE =
            NumberParameter.decimal("distance", 0, MetricBuffer.MAX_METRES).in("米", "metres");

    private final CoverageAreas areas;
    private final ProjectsInArea projects;
    private final CoverageShare share;
    private final LayerCatalog catalog;
    private final int maxFeatures;

    CoverageController(CoverageAreas areas, ProjectsInArea projects, CoverageShare share, LayerCatalog catalog,
                       CoverageProperties properties) {
        this.areas = areas;
        this.projects = projects;
        this.share = share;
        this.catalog = catalog;
        this.maxFeatures = properties.maxFeatures();
    }

    @GetMapping("/projects")
    @Operation(summary = "区域内的项目 / projects in an area",
            description = "The features of `source` (default projects) inside (mode=within), touching (intersects) or "
                    + "within `distance` metres of (near) a polygon of any layer, with totals of count, investment and "
                    + "area by city, status and district, as GeoJSON; format=csv gives the features as a table, or with "
                    + "group=city|status|district the totals. An area with more features than plan.coverage.max-features "
                    + "(50,000) is answered with the totals of all of them and without the features (features_omitted).")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = ProjectsView.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层或要素 / no such layer, or no such feature in it")
    ResponseEntity<?> projects(@RequestParam String layer, @RequestParam String feature,
                               @RequestParam(defaultValue = "within") String mode,
                               @Parameter(schema = @Schema(type = "number"))
                               @RequestParam(required = false) String distance,
                               @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
                               @RequestParam(required = false) String format,
                               @RequestParam(required = false) String group) {
        Double metres = DISTANCE.given(distance).orElse(null);
        return projectsAnswer(areas.feature(layer, feature), mode, metres, source, format, group);
    }

    @PostMapping("/projects")
    @Operation(summary = "所画区域内的项目 / projects in a drawn polygon",
            description = "as GET, for a GeoJSON Polygon or MultiPolygon (or a Feature holding one) in the body")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(implementation = ProjectsView.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层或要素 / no such layer, or no such feature in it")
    ResponseEntity<?> projectsInDrawn(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "GeoJSON Polygon 或 MultiPolygon（或含其一的 Feature）/ a GeoJSON Polygon or MultiPolygon, or a "
                    + "Feature holding one, in WGS84 lon/lat", content = {
                @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object"))})
            @RequestBody JsonNode drawn,
                                      @RequestParam(defaultValue = "within") String mode,
                                      @Parameter(schema = @Schema(type = "number"))
                                      @RequestParam(required = false) String distance,
                                      @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
                                      @RequestParam(required = false) String format,
                                      @RequestParam(required = false) String group) {
        Double metres = DISTANCE.given(distance).orElse(null);
        return projectsAnswer(areas.drawn(drawn), mode, metres, source, format, group);
    }

    @GetMapping("/share")
    @Operation(summary = "覆盖率 / coverage share",
            description = "how much of a polygon's area the polygon features of `source` cover, overall and per "
                    + "district (geodesic km²), as JSON; format=csv gives the per-district table")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = CoverageShare.Answer.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层或要素 / no such layer, or no such feature in it")
    ResponseEntity<?> share(@RequestParam String layer, @RequestParam String feature,
                            @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
                            @RequestParam(required = false) String format) {
        return shareAnswer(share.of(areas.feature(layer, feature), source), format);
    }

    @PostMapping("/share")
    @Operation(summary = "所画区域的覆盖率 / coverage share of a drawn polygon")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = CoverageShare.Answer.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该图层或要素 / no such layer, or no such feature in it")
    ResponseEntity<?> shareOfDrawn(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "GeoJSON Polygon 或 MultiPolygon（或含其一的 Feature）/ a GeoJSON Polygon or MultiPolygon, or a "
                    + "Feature holding one, in WGS84 lon/lat", content = {
                @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object"))})
            @RequestBody JsonNode drawn,
                                   @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
                                   @RequestParam(required = false) String format) {
        return shareAnswer(share.of(areas.drawn(drawn), source), format);
    }

    private ResponseEntity<?> projectsAnswer(CoverageArea area, String mode, Double distance, String source,
                                             String format, String group) {
        ProjectsInArea.Answer answer = projects.find(area, source, CoverageMode.of(mode), distance);
        return switch (PROJECTS_FORMAT.parse(format)) {
            case GEOJSON -> ResponseEntity.ok().contentType(MediaTypes.GEOJSON).body(new ProjectsView(
                    "FeatureCollection", area, answer.mode().code(), answer.distanceMetres(), answer.source(),
                    answer.numberMatched(), answer.features().size(),
                    answer.featuresOmitted() ? Omitted.of(answer, maxFeatures) : null,
                    answer.summary(), answer.features().stream().map(GeoJsonFeature::of).toList()));
            case CSV -> group == null ? featuresCsv(answer) : groupCsv(answer, group);
        };
    }

    private ResponseEntity<byte[]> featuresCsv(ProjectsInArea.Answer answer) {
        if (answer.featuresOmitted()) {
            throw new InvalidQueryException("区域内有 " + answer.numberMatched() + " 个要素，超过单次列出的上限 "
                    + maxFeatures + " 个；可用 group=city、status 或 district 导出汇总表，或用 OGC 要素接口分页读取要素",
                    answer.numberMatched() + " features match, more than the " + maxFeatures + " one table may list; "
                            + "ask for their totals with group=city, status or district, or page through /ogc/collections/"
                            + answer.source() + "/items");
        }
        List<FieldSpec> fields = catalog.get(answer.source()).fields();
        List<String> header = new ArrayList<>(List.of("id"));
        fields.forEach(f -> header.add(f.name()));
        header.add("area_km2");
        List<List<Object>> rows = new ArrayList<>();
        for (Feature feature : answer.features()) {
            List<Object> row = new ArrayList<>(List.of(feature.id()));
            fields.forEach(f -> row.add(feature.properties().get(f.name())));
            row.add(CoverageAreas.round(GeodesicArea.squareKilometres(feature.geometry())));
            rows.add(row);
        }
        return Csv.response(answer.source() + "-in-area.csv", header, rows);
    }

    private static ResponseEntity<byte[]> groupCsv(ProjectsInArea.Answer answer, String group) {
        List<ProjectSummary.Group> groups = switch (group.toLowerCase(Locale.ROOT)) {
            case "city" -> answer.summary().byCity();
            case "status" -> answer.summary().byStatus();
            case "district" -> answer.summary().byDistrict();
            default -> throw new InvalidQueryException("group 应为 city、status 或 district：" + group,
                    "group must be city, status or district, not '" + group + "'");
        };
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectSummary.Group g : groups) {
            rows.add(List.of(g.key(), g.nameZh(), g.nameEn(), g.count(), g.investmentCny100m(), g.areaKm2()));
        }
        return Csv.response(answer.source() + "-by-" + group + ".csv",
                List.of(group, "name_zh", "name_en", "count", "investment_cny_100m", "area_km2"), rows);
    }

    private static ResponseEntity<?> shareAnswer(CoverageShare.Answer answer, String format) {
        return switch (SHARE_FORMAT.parse(format)) {
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.JSON).body(answer);
            case CSV -> {
                List<List<Object>> rows = new ArrayList<>();
                for (CoverageShare.DistrictShare d : answer.byDistrict()) {
                    rows.add(List.of(d.adcode(), d.nameZh(), d.nameEn(), d.areaKm2(), d.coveredKm2(), d.share()));
                }
                yield Csv.response("coverage-share.csv",
                        List.of("adcode", "name_zh", "name_en", "area_km2", "covered_km2", "share"), rows);
            }
        };
    }
}
