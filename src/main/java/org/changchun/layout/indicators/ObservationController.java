package org.changchun.layout.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.ForEditors;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.indicators.ObservationTable.Column;
import org.changchun.layout.indicators.ObservationWrites.WriteReport;
import org.changchun.layout.security.AuditDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "指标监测 Monitoring")
class ObservationController {

    /** An uploaded table larger than this is refused: yearly figures fill some kilobytes. */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    private static final NumberParameter<Integer> YEAR =
            NumberParameter.integer("year", ObservationCheck.FIRST_YEAR, ObservationCheck.LAST_YEAR);

    /** What {@code /api/indicators/observations} answers in. */
    enum ObservationsFormat implements ResponseFormat {
        JSON, CSV
    }

    private static final FormatParameter<ObservationsFormat> FORMAT =
            FormatParameter.of("format", ObservationsFormat.class, ObservationsFormat.JSON);

    /**
     * A figure as stored, with its area's name and its indicator's unit.
     *
     * @param area the whole city's adcode or a district's
     */
    @Schema(name = "IndicatorObservation")
    record ObservationView(String indicator, int year, String area, String areaNameZh, String areaNameEn, double value,
                           String unitZh, String unitEn, String source, boolean sample, OffsetDateTime recordedAt,
                           String recordedBy) {
    }

    /** The documented shape of a JSON body of figures (read item by item, so that every bad item is named). */
    @Schema(name = "ObservationBatch")
    record Batch(List<Input> observations) {
    }

    /**
     * One figure sent as JSON.
     *
     * @param indicator its id (e.g. grain-output) or its Chinese or English label
     * @param area      the whole city (220100, 全市) or a district, by adcode or name
     * @param unit      if given, must be the indicator's unit (checks that the figure is meant for it)
     * @param source    where it comes from (a statistics bulletin and its year); required unless sample
     * @param sample    the figure is invented (示例数据); default false
     */
    @Schema(name = "ObservationInput", requiredProperties = {"indicator", "year", "area", "value"})
    record Input(String indicator, int year, String area, double value, String unit, String source, Boolean sample) {
    }

    /** One figure sent to its own address: the path gives indicator, year and area. */
    @Schema(name = "ObservationFigure", requiredProperties = {"value"})
    record FigureInput(double value, String unit, String source, Boolean sample) {
    }

    private final ObservationWrites writes;
    private final ObservationStore store;
    private final IndicatorCatalog indicators;
    private final IndicatorAreas areas;

    ObservationController(ObservationWrites writes, ObservationStore store, IndicatorCatalog indicators,
                          IndicatorAreas areas) {
        this.writes = writes;
        this.store = store;
        this.indicators = indicators;
        this.areas = areas;
    }

    @GetMapping("/api/indicators/observations")
    @Operation(summary = "全部数据 / every figure",
            description = "every figure recorded, or those of one `indicator` and/or `area` (adcode); format=csv gives "
                    + "them as a table in the form an upload takes (UTF-8 with a byte-order mark, for Excel), to edit "
                    + "and send back")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = ObservationView.class))),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "没有该指标 / no indicator with this id")
    ResponseEntity<?> observations(@RequestParam Optional<String> indicator, @RequestParam Optional<String> area,
                                   @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                                   @RequestParam Optional<String> format) {
        ObservationsFormat answerAs = FORMAT.parse(format.orElse(null));
        List<ObservationView> views = (indicator.filter(s -> !s.isBlank()).isPresent()
                ? store.of(indicators.get(indicator.get()).id()) : store.all()).stream()
                .filter(o -> area.filter(s -> !s.isBlank()).map(a -> a.equals(o.area())).orElse(true))
                .map(this::view).toList();
        return switch (answerAs) {
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.JSON).body(views);
            case CSV -> {
                List<List<Object>> rows = new ArrayList<>();
                for (ObservationView o : views) {
                    rows.add(Arrays.asList(o.indicator(), o.year(), o.area(), o.value(), o.unitZh(), o.source(),
                            o.sample(), o.areaNameZh(), o.recordedBy()));
                }
                yield Csv.response("indicator-observations.csv", List.of("indicator", "year", "area", "value", "unit",
                        "source", "sample", "area_name_zh", "recorded_by"), rows);
            }
        };
    }

    @PostMapping(value = "/api/indicators/observations", consumes = MediaTypes.JSON_VALUE,
            produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @ForEditors
    @Operation(summary = "录入数据 / record figures (editors)",
            description = "Figures as JSON: {\"observations\": [{\"indicator\": \"grain-output\", \"year\": 2025, "
                    + "\"area\": \"220182\", \"value\": 61.3, \"source\": \"…统计公报\"}]}. Each adds a figure or replaces "
                    + "the one of its indicator, year and area. Every item is checked first: if one is bad the answer is "
                    + "a 400 listing every bad item (`rows`, with `line` its position from 1) and nothing is written. "
                    + "dryRun=true answers what would change and writes nothing.")
    @ApiResponse(responseCode = "200", description = "写入（或试运行）的结果 / what was written, or would be")
    WriteReport record(@RequestBody(description = "the figures", content = @Content(mediaType = MediaTypes.JSON_VALUE,
                               schema = @Schema(implementation = Batch.class)))
                       @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                       @RequestParam(defaultValue = "false") boolean dryRun, Principal user,
                       HttpServletRequest request) {
        WriteReport report = writes.submit(ObservationJson.rows(body), null, name(user), dryRun);
        AuditDetail.describe(request, report.describe());
        return report;
    }

    @PostMapping(value = "/api/indicators/observations", consumes = MediaTypes.MULTIPART_FORM_DATA_VALUE,
            produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @ForEditors
    @Operation(summary = "上传数据表 / upload a table of figures (editors)",
            description = "A CSV in field `file`, as Excel saves it: UTF-8 (with or without BOM) or GBK, told apart by "
                    + "the bytes (`encoding` names it instead). Header names in Chinese or English: 指标/indicator, "
                    + "年份/year, 区域/area (adcode or name; 全市 for the whole city), 数值/value, and optionally 单位/unit, "
                    + "来源/source (required unless the row is a sample), 示例数据/sample (是/否); other columns are "
                    + "ignored. A file with one bad row writes nothing: the 400 lists every bad row with its line "
                    + "(`rows`). dryRun=true answers what would change and writes nothing.")
    @ApiResponse(responseCode = "200", description = "写入（或试运行）的结果 / what was written, or would be")
    @ApiResponse(responseCode = "413", description = "文件超过 5 MB / the file is larger than 5 MB")
    WriteReport upload(@RequestPart("file") MultipartFile file,
                       @Parameter(description = "UTF-8, GBK or GB18030; by default told from the bytes")
                       @RequestParam Optional<String> encoding,
                       @RequestParam(defaultValue = "false") boolean dryRun, Principal user,
                       HttpServletRequest request) {
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw new UploadTooLargeException(MAX_UPLOAD_BYTES);
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObservationTable.Parsed table = ObservationTable.read(content, encoding.filter(e -> !e.isBlank()));
        WriteReport report = writes.submit(table.rows(), table.charset().name(), name(user), dryRun);
        AuditDetail.describe(request, (file.getOriginalFilename() == null ? "" : file.getOriginalFilename() + " — ")
                + report.describe());
        return report;
    }

    @PutMapping(value = "/api/indicators/{id}/observations/{year}/{area}", consumes = MediaTypes.JSON_VALUE,
            produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @ForEditors
    @Operation(summary = "录入或更正一个数据 / record or correct one figure (editors)",
            description = "the figure of one indicator, year and area (the whole city 220100, or a district's adcode): "
                    + "{\"value\": 61.3, \"source\": \"…统计公报\"} or {\"value\": 61.3, \"sample\": true}")
    @ApiResponse(responseCode = "200", description = "已更正 / replaced the figure there was")
    @ApiResponse(responseCode = "201", description = "已录入 / recorded a new figure")
    @ApiResponse(responseCode = "404", description = "没有该指标 / no indicator with this id")
    ResponseEntity<ObservationView> put(@PathVariable String id,
                                        @Parameter(schema = @Schema(type = "integer", minimum = "2000", maximum = "2100"))
                                        @PathVariable String year, @PathVariable String area,
                                        @RequestBody(content = @Content(mediaType = MediaTypes.JSON_VALUE,
                                                schema = @Schema(implementation = FigureInput.class)))
                                        @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                                        Principal user, HttpServletRequest request) {
        Indicator indicator = indicators.get(id);
        int yearNumber = YEAR.require(year);
        ObservationTable.Row row = ObservationJson.row(body, Map.of(Column.INDICATOR, indicator.id(),
                Column.YEAR, String.valueOf(yearNumber), Column.AREA, area));
        ObservationWrites.Recorded recorded = writes.put(row, name(user));
        Observation stored = recorded.figure();
        AuditDetail.describe(request, (recorded.created() ? "录入 recorded " : "更正 replaced ") + stored.key() + " = "
                + Figures.format(stored.value()) + (stored.sample() ? " (sample)" : ""));
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(stored));
    }

    @DeleteMapping("/api/indicators/{id}/observations/{year}/{area}")
    @ForEditors
    @Operation(summary = "删除一个数据 / remove one figure (editors)")
    @ApiResponse(responseCode = "204", description = "已删除 / removed")
    @ApiResponse(responseCode = "404", description = "没有该指标或该数据 / no such indicator, or no figure of it there")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @Parameter(schema = @Schema(type = "integer", minimum = "2000", maximum = "2100"))
                                @PathVariable String year, @PathVariable String area, HttpServletRequest request) {
        ObservationKey key = new ObservationKey(indicators.get(id).id(), YEAR.require(year), area);
        Observation removed = writes.delete(key).orElseThrow(() -> new ObservationNotFoundException(key));
        AuditDetail.describe(request, "删除 removed " + key + " (was " + Figures.format(removed.value()) + ")");
        return ResponseEntity.noContent().build();
    }

    private ObservationView view(Observation o) {
        Indicator indicator = indicators.find(o.indicator()).orElse(null);
        Optional<IndicatorArea> area = areas.find(o.area());
        return new ObservationView(o.indicator(), o.year(), o.area(), area.map(IndicatorArea::nameZh).orElse(o.area()),
                area.map(IndicatorArea::nameEn).orElse(o.area()), o.value(),
                indicator == null ? null : indicator.unitZh(), indicator == null ? null : indicator.unitEn(),
                o.source(), o.sample(), o.recordedAt(), o.recordedBy());
    }

    /** Who records: the security configuration lets no one write unsigned, so a name is always there. */
    private static String name(Principal user) {
        return user == null ? "?" : user.getName();
    }
}
