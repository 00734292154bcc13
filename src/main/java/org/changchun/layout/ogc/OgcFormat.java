package org.changchun.layout.ogc;

import java.util.List;
import org.changchun.layout.http.FormatParameter;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.ResponseFormat;

/**
 * The encoding a client asked for: {@code f=json|geojson|html} decides; without it, a browser's
 * Accept header (text/html before any JSON type) gets HTML and everyone else JSON.
 */
enum OgcFormat implements ResponseFormat {
    JSON("json", "geojson"),
    HTML("html");

    private static final FormatParameter<OgcFormat> F = FormatParameter.of("f", OgcFormat.class, JSON);

    private final List<String> codes;

    OgcFormat(String... codes) {
        this.codes = List.of(codes);
    }

    @Override
    public List<String> codes() {
        return codes;
    }

    static OgcFormat of(String f, String accept) {
        return F.given(f).orElseGet(() -> fromAccept(accept));
    }

    private static OgcFormat fromAccept(String accept) {
        if (accept == null) {
            return JSON;
        }
        int html = accept.indexOf(MediaTypes.HTML_VALUE);
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json) ? HTML : JSON;
    }
}
