package org.changchun.layout.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.ForEditors;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

@RestController
@ContentNegotiated
@RequestMapping(value = "/api/imports", produces = MediaTypes.JSON_VALUE)
@Tag(name = "导入 Imports", description = "导入 shapefile（zip）、GeoPackage、GeoJSON、CSV / import zipped shapefiles, "
        + "GeoPackages, GeoJSON and CSV")
class ImportController {

    /** What the form's file part may be: a zip (of shapefiles, or of any of the others) or one file as it is. */
    private static final String FILE_TYPES = MediaTypes.ZIP_VALUE + ", " + MediaTypes.GEOPACKAGE_VALUE + ", "
            + MediaTypes.GEOJSON_VALUE + ", " + MediaTypes.JSON_VALUE + ", " + MediaTypes.CSV_VALUE;

    /** EPSG's codes of coordinate systems lie in this range. */
    private static final NumberParameter<Integer> SRID = NumberParameter.integer("srid", 1024, 32767);

    /** The id and titles an import of a file without names would get now: for a form to fill in. */
    record SuggestedNames(String layer, String titleZh, String titleEn) {
    }

    private final ImportJobs imports;
    private final ImportPlanner planner;
    private final JsonMapper json;

    ImportController(ImportJobs imports, ImportPlanner planner, JsonMapper json) {
        this.imports = imports;
        this.planner = planner;
        this.json = json;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "导入 shapefile、GeoPackage、GeoJSON、CSV / import a shapefile, GeoPackage, GeoJSON or CSV (editors)",
            description = "The file in field `file`: a zip of shapefiles (or of any of the formats below), a GeoPackage "
                    + "(.gpkg: every feature table becomes a layer), GeoJSON (.geojson, .json: RFC 7946, or with a 2008 "
                    + "crs member naming an EPSG code) or CSV (.csv: lon/lat or x/y or 经度/纬度 columns, or a WKT "
                    + "column; UTF-8 or GBK). Optional: layer (target id: an existing imported layer gets a new "
                    + "version; without it a new layer is named from the file, unique), title_zh, title_en (made unique "
                    + "with (2), (3) … when another layer has them), encoding (override for a shapefile or CSV, "
                    + "e.g. GBK), srid (EPSG code for a missing or unknown .prj, or a CSV's coordinates), member (one "
                    + "shapefile or GeoPackage table of several), empty_geometries=skip|refuse, dryRun=true (report "
                    + "only, writes nothing). A dry run answers 200 with the report; an import answers 202 with the job "
                    + "to poll at its Location. Bad input is refused with a 4xx before anything is written; a FileGDB, "
                    + "DWG or DXF with a 400 giving the ogr2ogr command that converts it to GeoPackage or shapefile.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaTypes.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(type = "object", requiredProperties = "file"),
                    schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string",
                            format = "binary", description = "zip, .gpkg, .geojson, .json or .csv")),
                    encoding = @Encoding(name = "file", contentType = FILE_TYPES))))
    @ForEditors
    @ApiResponse(responseCode = "200", description = "试运行的报告 / the dry run's report", content = @Content(
            mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "202", description = "已开始的任务 / the job, started", content = @Content(
            mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = JobView.class)),
            headers = @Header(name = "Location", description = "the job's address, to poll"))
    @ApiResponse(responseCode = "409", description = "该 id 属于规划图层，导入不能替换 / the layer id names a plan "
            + "layer, which an import may not replace")
    @ApiResponse(responseCode = "413", description = "上传或解压后过大，或 GeoPackage 超过 max-geopackage-size / the upload, what "
            + "it unpacks to, or a GeoPackage (plan.imports.max-geopackage-size) is too large")
    @ApiResponse(responseCode = "415", description = "须为 multipart/form-data / the body must be multipart/form-data")
    ResponseEntity<?> upload(@RequestPart("file") MultipartFile file,
                             @RequestParam Optional<String> layer,
                             @RequestParam(name = "title_zh") Optional<String> titleZh,
                             @RequestParam(name = "title_en") Optional<String> titleEn,
                             @Parameter(description = "text encoding of a shapefile or CSV, e.g. GBK, UTF-8")
                             @RequestParam Optional<String> encoding,
                             @Parameter(description = "EPSG code of the coordinates, when the file does not say it",
                                     schema = @Schema(type = "integer")) @RequestParam Optional<String> srid,
                             @Parameter(description = "one shapefile of a zip, or one table of a GeoPackage")
                             @RequestParam Optional<String> member,
                             @RequestParam(name = "empty_geometries", defaultValue = "skip") String emptyGeometries,
                             @RequestParam(defaultValue = "false") boolean dryRun,
                             Principal user) {
        if (file.isEmpty()) {
            throw new ImportRejectedException("上传的文件为空；请在 file 字段上传 shapefile 的 zip 压缩包、GeoPackage、GeoJSON 或 CSV",
                    "the upload is empty; send the zipped shapefile, GeoPackage, GeoJSON or CSV in the form field 'file'");
        }
        ImportRequest request = new ImportRequest(layer.filter(s -> !s.isBlank()), titleZh.filter(s -> !s.isBlank()),
                titleEn.filter(s -> !s.isBlank()), encoding.filter(s -> !s.isBlank()), srid.flatMap(SRID::given),
                member.filter(s -> !s.isBlank()), ImportRequest.EmptyGeometries.of(emptyGeometries), dryRun);
        String fileName = file.getOriginalFilename() == null ? "upload.zip" : file.getOriginalFilename();
        Upload upload = Upload.of(file);
        if (dryRun) {
            return ResponseEntity.ok(imports.dryRun(upload, fileName, request));
        }
        JobView job = view(imports.submit(upload, fileName, request, user == null ? null : user.getName()));
        return ResponseEntity.accepted().location(URI.create(job.href())).body(job);
    }

    @GetMapping("/names")
    @Operation(summary = "建议的图层名称 / suggested layer names",
            description = "the layer id and titles an import of the file named `file` (e.g. 行政区.zip) would get "
                    + "without layer, title_zh and title_en: from the file's name, unique among the layers now")
    @ApiResponse(responseCode = "200", description = "OK")
    SuggestedNames names(@RequestParam Optional<String> file) {
        String name = file.filter(s -> !s.isBlank()).orElseThrow(() -> new ImportRejectedException(
                "请用 file 参数给出文件名，如 file=行政区.zip", "give the file's name as file, e.g. file=行政区.zip"));
        LayerNaming.Names names = planner.suggestedNames(name);
        return new SuggestedNames(names.id(), names.titleZh(), names.titleEn());
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入任务 / an import job", description = "state (QUEUED with its place and the job it waits "
            + "for, RUNNING, SUCCEEDED, FAILED), percent, features/s and, once ended, the report")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该任务 / no job with this id")
    JobView job(@PathVariable String id) {
        return imports.find(id).map(this::view).orElseThrow(() -> new ImportJobNotFoundException(id));
    }

    @GetMapping
    @Operation(summary = "最近的导入任务 / recent import jobs")
    @ApiResponse(responseCode = "200", description = "OK")
    List<JobView> recent() {
        return imports.recent(50).stream().map(this::view).toList();
    }

    private JobView view(JobRecord job) {
        return JobView.of(job, imports.queuePlace(job), json);
    }
}
