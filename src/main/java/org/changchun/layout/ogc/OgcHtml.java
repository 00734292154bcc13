package org.changchun.layout.ogc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML encoding of the OGC resources, and the answers that carry it: plain, readable pages in
 * Chinese then English, with the same links as the JSON, sent as UTF-8 {@code text/html}. Every
 * value from data or request is escaped. The landing, collections and items controllers answer
 * {@code f=html} (or a browser's Accept) with these and build no HTML of their own.
 */
final class OgcHtml {

    private OgcHtml() {
    }

    static ResponseEntity<String> landing() {
        return answer("长春市空间布局服务 OGC API / Changchun plan OGC API", null, """
                <p>规划图层以 OGC API - Features 提供。<span class="en">The plan's layers as OGC API - Features.</span></p>
                <ul>
                  <li><a href="%1$s/collections?f=html">集合 <span class="en">collections</span></a></li>
                  <li><a href="%1$s/conformance?f=html">符合性声明 <span class="en">conformance</span></a></li>
                  <li><a href="%2$s/v3/api-docs/ogc">OpenAPI 3.0 定义 <span class="en">definition</span></a>,
                      <a href="%2$s/swagger-ui/index.html">接口文档 <span class="en">documentation</span></a></li>
                </ul>""".formatted(OgcLinks.ogc(""), OgcLinks.base()));
    }

    static ResponseEntity<String> conformance(List<String> classes) {
        StringBuilder list = new StringBuilder("<ul>");
        classes.forEach(c -> list.append("<li><code>").append(escape(c)).append("</code></li>"));
        return answer("符合性声明 / Conformance", crumbs(), list.append("</ul>").toString());
    }

    static ResponseEntity<String> collections(List<CollectionView> collections) {
        StringBuilder rows = new StringBuilder();
        for (CollectionView collection : collections) {
            rows.append("<tr><td><a href=\"").append(escape(OgcLinks.ogc("/collections/" + collection.id())))
                    .append("?f=html\">").append(escape(collection.id())).append("</a></td><td>")
                    .append(escape(collection.title())).append("</td><td>").append(escape(collection.description()))
                    .append("</td></tr>");
        }
        return answer("集合 / Collections", crumbs(),
                "<table><tr><th>id</th><th>名称 Title</th><th>说明 Description</th></tr>" + rows + "</table>");
    }

    static ResponseEntity<String> collection(CollectionView collection) {
        String self = OgcLinks.ogc("/collections/" + collection.id());
        String extent = collection.extent() == null ? "—"
                : escape(Arrays.toString(collection.extent().spatial().bbox().get(0)));
        return answer(collection.title(), crumbs("/collections", "集合 collections"), """
                <p>%s</p>
                <table>
                  <tr><th>范围 Extent (CRS84)</th><td>%s</td></tr>
                  <tr><th>坐标参照系 CRS</th><td>%s</td></tr>
                </table>
                <p><a href="%s/items?f=html">浏览要素 <span class="en">browse features</span></a> ·
                   <a href="%s/items?f=json">GeoJSON</a> ·
                   <a href="%s/schema?f=html">属性结构 <span class="en">schema</span></a> ·
                   <a href="%s/queryables">可查询属性 <span class="en">queryables</span></a> ·
                   <a href="%s/sortables">可排序属性 <span class="en">sortables</span></a></p>""".formatted(
                escape(collection.description()), extent, escape(String.join(", ", collection.crs())),
                escape(self), escape(self), escape(self), escape(self), escape(self)));
    }

    static ResponseEntity<String> schema(String collectionId, CollectionSchema schema) {
        StringBuilder table = new StringBuilder("<p>").append(escape(schema.description())).append("</p><table><tr>"
                + "<th>属性 Property</th><th>名称 Title</th><th>类型 Type</th><th>单位 Unit</th><th>角色 Role</th></tr>");
        schema.properties().forEach((name, property) -> table.append("<tr><td><code>").append(escape(name))
                .append("</code></td><td>").append(escape(property.title())).append("</td><td>")
                .append(escape(property.type() == null ? property.format()
                        : property.type() + (property.format() == null ? "" : " (" + property.format() + ")")))
                .append("</td><td>").append(escape(property.xOgcUnit())).append("</td><td>")
                .append(escape(property.xOgcRole())).append("</td></tr>"));
        return answer(schema.title() + " · 属性结构 / schema", crumbs("/collections", "集合 collections",
                "/collections/" + collectionId, collectionId), table.append("</table>").toString());
    }

    static ResponseEntity<String> items(String collectionId, String title, List<GeoJsonFeature> features,
                                        long numberMatched, List<Link> links) {
        StringBuilder table = new StringBuilder("<table><tr><th>id</th>");
        List<String> columns = features.isEmpty() ? List.of() : List.copyOf(features.get(0).properties().keySet());
        columns.forEach(c -> table.append("<th>").append(escape(c)).append("</th>"));
        table.append("</tr>");
        String items = OgcLinks.ogc("/collections/" + collectionId + "/items/");
        for (GeoJsonFeature feature : features) {
            table.append("<tr><td><a href=\"").append(escape(items + feature.id())).append("?f=html\">")
                    .append(escape(feature.id())).append("</a></td>");
            for (String column : columns) {
                table.append("<td>").append(escape(feature.properties().get(column))).append("</td>");
            }
            table.append("</tr>");
        }
        table.append("</table>");
        StringBuilder navigation = new StringBuilder("<p>")
                .append("共 ").append(numberMatched).append(" 个，本页 ").append(features.size())
                .append(" 个 <span class=\"en\">").append(numberMatched).append(" matched, ")
                .append(features.size()).append(" on this page</span>");
        for (Link link : links) {
            if (("next".equals(link.rel()) || "prev".equals(link.rel())) && MediaTypes.HTML_VALUE.equals(link.type())) {
                navigation.append(" · <a href=\"").append(escape(link.href())).append("\">")
                        .append("next".equals(link.rel()) ? "下一页 next" : "上一页 previous").append("</a>");
            }
        }
        navigation.append("</p>");
        return answer(title, crumbs("/collections", "集合 collections", "/collections/" + collectionId, collectionId),
                navigation + table.toString());
    }

    static ResponseEntity<String> item(String collectionId, GeoJsonFeature feature) {
        StringBuilder table = new StringBuilder("<table>");
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            table.append("<tr><th>").append(escape(property.getKey())).append("</th><td>")
                    .append(escape(property.getValue())).append("</td></tr>");
        }
        table.append("<tr><th>geometry</th><td>").append(escape(feature.geometry().getGeometryType()))
                .append("</td></tr></table>");
        return answer(collectionId + " / " + feature.id(), crumbs("/collections", "集合 collections",
                "/collections/" + collectionId, collectionId, "/collections/" + collectionId + "/items", "items"),
                table.toString());
    }

    private static String crumbs(String... pathsAndNames) {
        StringBuilder crumbs = new StringBuilder("<a href=\"" + escape(OgcLinks.ogc("")) + "?f=html\">OGC API</a>");
        for (int i = 0; i + 1 < pathsAndNames.length; i += 2) {
            crumbs.append(" › <a href=\"").append(escape(OgcLinks.ogc(pathsAndNames[i]))).append("?f=html\">")
                    .append(escape(pathsAndNames[i + 1])).append("</a>");
        }
        return crumbs.toString();
    }

    private static ResponseEntity<String> answer(String title, String crumbs, String body) {
        return ResponseEntity.ok().contentType(MediaTypes.HTML_UTF8).body(page(title, crumbs, body));
    }

    private static String page(String title, String crumbs, String body) {
        String navigation = crumbs == null ? "" : "<nav>" + crumbs + "</nav>";
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <link rel="stylesheet" href="%4$s">
                </head>
                <body>%2$s<h1>%1$s</h1>%3$s</body></html>""".formatted(escape(title), navigation, body, escape(OgcLinks.base() + "/css/ogc.css"));
    }

    private static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
