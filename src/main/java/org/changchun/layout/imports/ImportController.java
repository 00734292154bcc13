package org.changchun.layout.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
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
@RequestMapping("/api/imports")
@Tag(name = "导入 Imports", description = "导入 shapefile（zip）/ import zipped shapefiles")
class ImportController {

    private final ImportJobs imports;
    private final JsonMapper json;

    ImportController(ImportJobs imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "导入 shapefile / import a zipped shapefile (editors)",
            description = "The zip in field `file`. Optional: layer (target id), title_zh, title_en, encoding (override, "
                    + "e.g. GBK), srid (EPSG code for a missing or unknown .prj), member (one shapefile of several), "
                    + "empty_geometries=skip|refuse, dryRun=true (report only, writes nothing). A dry run answers 200 "
                    + "with the report; an import answers 202 with the job to poll at its Location. Bad input is "
                    + "refused with a 4xx before anything is written.")
    ResponseEntity<?> upload(@RequestPart("file") MultipartFile file,
                             @RequestParam Optional<String> layer,
                             @RequestParam(name = "title_zh") Optional<String> titleZh,
                             @RequestParam(name = "title_en") Optional<String> titleEn,
                             @RequestParam Optional<String> encoding,
                             @RequestParam Optional<Integer> srid,
                             @RequestParam Optional<String> member,
                             @RequestParam(name = "empty_geometries", defaultValue = "skip") String emptyGeometries,
                             @RequestParam(defaultValue = "false") boolean dryRun,
                             Principal user) {
        if (file.isEmpty()) {
            throw new ImportRejectedException("上传的文件为空；请在 file 字段上传 shapefile 的 zip 压缩包",
                    "the upload is empty; send the zipped shapefile in the form field 'file'");
        }
        ImportRequest request = new ImportRequest(layer.filter(s -> !s.isBlank()), titleZh.filter(s -> !s.isBlank()),
                titleEn.filter(s -> !s.isBlank()), encoding.filter(s -> !s.isBlank()), srid,
                member.filter(s -> !s.isBlank()), ImportRequest.EmptyGeometries.of(emptyGeometries), dryRun);
        String fileName = file.getOriginalFilename() == null ? "upload.zip" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            if (dryRun) {
                return ResponseEntity.ok(imports.dryRun(in, fileName, request));
            }
            JobView job = view(imports.submit(in, fileName, request, user == null ? null : user.getName()));
            return ResponseEntity.accepted().location(URI.create(job.href())).body(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入任务 / an import job", description = "state (QUEUED with its place and the job it waits "
            + "for, RUNNING, SUCCEEDED, FAILED), percent, features/s and, once ended, the report")
    JobView job(@PathVariable String id) {
        return imports.find(id).map(this::view).orElseThrow(() -> new ImportJobNotFoundException(id));
    }

    @GetMapping
    @Operation(summary = "最近的导入任务 / recent import jobs")
    List<JobView> recent() {
        return imports.recent(50).stream().map(this::view).toList();
    }

    private JobView view(JobRecord job) {
        return JobView.of(job, imports.queuePlace(job), json);
    }
}
