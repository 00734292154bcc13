package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API - Features")
class LandingController {

    /** The landing page of OGC API - Features (Part 1, 7.2). */
    record LandingPage(String title, String description, List<Link> links) {
    }

    @GetMapping({"", "/"})
    @Operation(summary = "起始页 / landing page")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = LandingPage.class)),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> landing(@RequestParam(required = false) String f,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return OgcHtml.landing();
        }
        String ogc = OgcLinks.ogc("");
        String base = OgcLinks.base();
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(new LandingPage(
                "长春市空间布局服务 / Changchun spatial-layout service",
                "长春市“六城联动”空间布局的规划图层 / the plan layers of Changchun's six-cities spatial layout",
                List.of(
                        new Link(ogc + "?f=json", "self", MediaTypes.JSON_VALUE, "本文档 / this document"),
                        new Link(ogc + "?f=html", "alternate", MediaTypes.HTML_VALUE, "网页 / as HTML"),
                        new Link(base + "/v3/api-docs/ogc", "service-desc", MediaTypes.OPENAPI_VALUE,
                                "OpenAPI 3.0 定义 / definition"),
                        new Link(base + "/swagger-ui/index.html", "service-doc", MediaTypes.HTML_VALUE,
                                "接口文档 / documentation"),
                        new Link(ogc + "/conformance", "conformance", MediaTypes.JSON_VALUE, "符合性声明 / conformance"),
                        new Link(ogc + "/collections", "data", MediaTypes.JSON_VALUE, "集合 / collections"),
                        new Link(ogc + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                                MediaTypes.JSON_VALUE, "全部规划图层的矢量瓦片 / vector tiles of the whole plan"),
                        new Link(ogc + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                                MediaTypes.JSON_VALUE, "瓦片矩阵集 / tile matrix sets"),
                        new Link(ogc + "/map", "http://www.opengis.net/def/rel/ogc/1.0/map", MediaTypes.PNG_VALUE,
                                "全部规划图层的地图 / a map of every plan layer"),
                        new Link(ogc + "/styles", "http://www.opengis.net/def/rel/ogc/1.0/styles", MediaTypes.JSON_VALUE,
                                "规划样式 / the plan style"))));
    }

    @GetMapping("/conformance")
    @Operation(summary = "符合性声明 / conformance classes")
    @ApiResponse(responseCode = "200", description = "OK", content = {
        @Content(mediaType = MediaTypes.JSON_VALUE, schema = @Schema(implementation = Conformance.Declaration.class)),
        @Content(mediaType = MediaTypes.HTML_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> conformance(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return OgcHtml.conformance(Conformance.CLASSES);
        }
        return ResponseEntity.ok().contentType(MediaTypes.JSON).body(new Conformance.Declaration(Conformance.CLASSES));
    }
}
