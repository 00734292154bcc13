package org.changchun.layout.ogc;

import java.util.Locale;
import org.changchun.layout.query.InvalidQueryException;

/**
 * The encoding a client asked for: {@code f=json|html} decides; without it, a browser's Accept
 * header (text/html before any JSON type) gets HTML and everyone else JSON.
 */
enum OgcFormat {
    JSON, HTML;

    static OgcFormat of(String f, String accept) {
        if (f != null && !f.isBlank()) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw new InvalidQueryException("不支持的格式 f=" + f + "；可用 json 或 html",
                        "unsupported format f=" + f + "; use json or html");
            };
        }
        if (accept == null) {
            return JSON;
        }
        int html = accept.indexOf(OgcMedia.HTML);
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json) ? HTML : JSON;
    }
}
