package org.changchun.layout.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.http.ResponseFormat;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.projects.ProjectFields;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.store.FeatureStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/compliance")
@Tag(name = "合规审查 Compliance", description = "选址合规性审查、项目库批量审查、图层冲突检测 / site compliance review, "
        + "reviews of the whole project library, conflicts between layers")
class ComplianceController {

    /** What {@code /api/compliance/projects} answers in: the reviews, or a table of them. */
    enum BatchFormat implements ResponseFormat {
        JSON, CSV
    }

    private static final FormatParameter<BatchFormat> BATCH_FORMAT =
            FormatParameter.of("format", BatchFormat.class, BatchFormat.JSON);
    /** EPSG's codes of coordinate systems lie in this range. */
    private static final NumberParameter<Integer> SRID = NumberParameter.integer("srid", 1024, 32767);
    private static final String CITY = "所属“城”：id 或名称（automobile、agriculture、dual-carbon、sci-tech、consumption、"
            + "culture）/ the city the site serves, by id or name";
    private static final String INDUSTRY = "产业（六新产业之一，中文或英文名）/ the industry: one of the six new industries "
            + "(新能源 新装备 新材料 新农业 新旅游 新电商, or their English names)";

    private final Reviewer reviewer;
    private final Declarations declarations;
    private final SiteShapefile shapefiles;
    private final BatchReviews batches;
    private final ComplianceLayers layers;
    private final FeatureStore store;
    private final LayerCatalog catalog;

    ComplianceController(Reviewer reviewer, Declarations declarations, SiteShapefile shapefiles, BatchReviews batches,
                         ComplianceLayers layers, FeatureStore store, LayerCatalog catalog) {
        this.reviewer = reviewer;
        this.declarations = declarations;
        this.shapefiles = shapefiles;
        this.batches = batches;
        this.layers = layers;
        this.store = store;
        this.catalog = catalog;
    }

    @PostMapping(value = "/check", consumes = {MediaTypes.JSON_VALUE, MediaTypes.GEOJSON_VALUE},
            produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "场地合规检查 / check a site",
            description = "The site (a GeoJSON Point, Polygon or MultiPolygon in WGS84, alone or in a Feature) with the "
                    + "city it serves and its industry: the verdict (compliant 符合, conditional 有条件符合, non-compliant "
                    + "不符合), the plan areas and control lines it falls in with the overlap (geodesic m²) and the share "
                    + "of the site, every rule that fired with its level and cited source, the existing projects it "
                    + "overlaps, and, when it lies in no area meant for its city, the nearest one that is. An invalid "
                    + "polygon is repaired and the answer says so; a self-crossing ring, an empty geometry or a site "
                    + "outside Changchun is refused. Nothing is written.")
    @ApiResponse(responseCode = "200", description = "OK")
    ResponseEntity<Review> check(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "GeoJSON 点或面（或含其一的 Feature）/ a GeoJSON Point, Polygon or MultiPolygon, or a Feature "
                    + "holding one, in WGS84 lon/lat", content = {
                @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(type = "object")),
                @Content(mediaType = MediaTypes.GEOJSON_VALUE, schema = @Schema(type = "object"))})
            @RequestBody JsonNode site,
                                 @Parameter(description = CITY, required = true) @RequestParam(required = false) String city,
                                 @Parameter(description = INDUSTRY) @RequestParam(required = false) String industry) {
        Declaration declared = declarations.read(city, industry);
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(reviewer.check(SiteGeometry.fromGeoJson(site),
                declared, null));
    }

    @PostMapping(value = "/check/shapefile", consumes = "multipart/form-data", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "场地合规检查（shapefile）/ check a site drawn in a shapefile",
            description = "As POST /api/compliance/check, for a site in a zipped shapefile (field `file`: .shp, .shx, "
                    + ".dbf and .prj, as for imports; every polygon of it together is the site); `srid` for a missing "
                    + "or unknown .prj. The upload is unpacked with the limits of imports and removed before the answer.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "413", description = "上传或解压后过大 / the upload, or what it unpacks to, is too large")
    @ApiResponse(responseCode = "415", description = "须为 multipart/form-data / the body must be multipart/form-data")
    ResponseEntity<Review> checkShapefile(@RequestPart("file") MultipartFile file,
                                          @Parameter(description = CITY, required = true)
                                          @RequestParam(required = false) String city,
                                          @Parameter(description = INDUSTRY) @RequestParam(required = false) String industry,
                                          @Parameter(schema = @Schema(type = "integer"))
                                          @RequestParam(required = false) String srid) {
        Declaration declared = declarations.read(city, industry);
        if (file.isEmpty()) {
            throw new InvalidSiteException("上传的文件为空：请在 file 字段上传场地的 shapefile 压缩包",
                    "the upload is empty: send the site's zipped shapefile in the form field 'file'");
        }
        Optional<Integer> epsg = srid == null || srid.isBlank() ? Optional.empty() : SRID.given(srid);
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.ok().contentType(MediaTypes.JSON).body(reviewer.check(shapefiles.read(in, epsg),
                    declared, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/projects/{id}", produces = MediaTypes.JSON_VALUE)
    @ContentNegotiated
    @Operation(summary = "一个项目的合规审查 / review one project",
            description = "The review of a project of the library, with the city and industry its record declares "
                    + "(or those given, to try others). The project is not listed among the projects it overlaps.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "没有该项目 / no project with this id")
    ResponseEntity<Review> project(@PathVariable String id,
                                   @Parameter(description = "代替项目记录中的“城” / a city to try instead of the record's")
                                   @RequestParam(required = false) String city,
                                   @Parameter(description = "代替项目记录中的产业 / an industry to try instead of the record's")
                                   @RequestParam(required = false) String industry) {
        Feature project = catalog.find(PlanLayers.PROJECTS).flatMap(l -> store.feature(l.id(), id))
                .orElseThrow(() -> new ProjectNotFoundException(id));
        Declaration declared = declarations.override(declarations.asRecorded(project.text(ProjectFields.CITY),
                project.text(ProjectFields.INDUSTRY)), city, industry);
        Site site = Site.of(project.id(), PlanLayers.PROJECTS, project.text("name_zh"), project.text("name_en"),
                project.geometry());
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(reviewer.check(site, declared, project.id()));
    }

    @GetMapping("/projects")
    @Operation(summary = "项目库批量审查 / review every project",
            description = "The review of every project of the library, or of every site of an imported layer "
                    + "(`source`), whose city and industry are read from the fields `city_field` (default city) and "
                    + "`industry_field` (default industry): ids or Chinese/English names. `verdict` lists only some "
                    + "(e.g. non-compliant,conditional; the summary counts all). As JSON, or format=csv for a table. "
                    + "Sites outside Changchun are reviewed with a note.")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = BatchReviews.Batch.class)),
        @Content(mediaType = MediaTypes.CSV_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> projects(@Parameter(description = "要审查的图层（默认项目库）/ the layer of sites (default the "
                                       + "project library)") @RequestParam(defaultValue = PlanLayers.PROJECTS) String source,
                               @Parameter(description = "只列出这些结论：compliant、conditional、non-compliant（或 符合、"
                                       + "有条件符合、不符合），逗号分隔 / list only these verdicts, comma-separated")
                               @RequestParam(required = false) String verdict,
                               @RequestParam(name = "city_field", required = false) String cityField,
                               @RequestParam(name = "industry_field", required = false) String industryField,
                               @RequestParam(required = false) String format) {
        BatchFormat answerFormat = BATCH_FORMAT.parse(format);
        BatchReviews.Batch batch = batches.review(layers.named("source", source), cityField, industryField,
                verdicts(verdict));
        return switch (answerFormat) {
            case JSON -> ResponseEntity.ok().contentType(MediaTypes.JSON).body(batch);
            case CSV -> ReviewTable.csv(batch);
        };
    }

    private static Set<Verdict> verdicts(String text) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        if (text == null || text.isBlank()) {
            return verdicts;
        }
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                verdicts.add(Verdict.named(name).orElseThrow(() -> new InvalidQueryException(
                        "verdict 应为 compliant、conditional、non-compliant（或 符合、有条件符合、不符合）：" + name,
                        "verdict must be compliant, conditional or non-compliant (or 符合, 有条件符合, 不符合), not '"
                                + name + "'")));
            }
        }
        return verdicts;
    }
}
