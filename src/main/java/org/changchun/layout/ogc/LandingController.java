package org.changchun.layout.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    @GetMapping({"", "/"})
    @Operation(summary = "起始页 / landing page")
    ResponseEntity<?> landing(@RequestParam(required = false) String f,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return html(OgcHtml.landing());
        }
        String ogc = OgcLinks.ogc("");
        String base = OgcLinks.base();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "长春市空间布局服务 / Changchun spatial-layout service");
        body.put("description", "长春市“六城联动”空间布局的规划图层 / the plan layers of Changchun's six-cities spatial layout");
        body.put("links", List.of(
                        new Link(ogc + "?f=json", "self", OgcMedia.JSON, "本文档 / this document"),
                        new Link(ogc + "?f=html", "alternate", OgcMedia.HTML, "网页 / as HTML"),
                        new Link(base + "/v3/api-docs/ogc", "service-desc", OgcMedia.OPENAPI, "OpenAPI 3.0 定义 / definition"),
                        new Link(base + "/swagger-ui/index.html", "service-doc", OgcMedia.HTML, "接口文档 / documentation"),
                        new Link(ogc + "/conformance", "conformance", OgcMedia.JSON, "符合性声明 / conformance"),
                        new Link(ogc + "/collections", "data", OgcMedia.JSON, "集合 / collections"),
                        new Link(ogc + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcMedia.JSON,
                                "全部规划图层的矢量瓦片 / vector tiles of the whole plan"),
                        new Link(ogc + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                                OgcMedia.JSON, "瓦片矩阵集 / tile matrix sets")));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/conformance")
    @Operation(summary = "符合性声明 / conformance classes")
    ResponseEntity<?> conformance(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (OgcFormat.of(f, accept) == OgcFormat.HTML) {
            return html(OgcHtml.conformance(Conformance.CLASSES));
        }
        return ResponseEntity.ok(Map.of("conformsTo", Conformance.CLASSES));
    }

    static ResponseEntity<?> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }
}
