package org.changchun.layout.security;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.changchun.layout.web.MapSettings;
import org.springframework.stereotype.Component;

/**
 * The {@code Content-Security-Policy} of the service's pages (the map page, the OGC HTML views,
 * Swagger UI): scripts, styles, fonts and calls only from this origin, no inline script or style,
 * no plugins, no framing; images from this origin, {@code data:} and {@code blob:} (icons, charts,
 * canvases saved as PNG) and, when one is configured, the basemap's tile servers. A markup
 * injection that slipped past the page's escaping could then neither run code nor send data away.
 */
@Component
public class ContentSecurityPolicy {

    private final String value;
    private final String forSwaggerUi;

    ContentSecurityPolicy(MapSettings map) {
        Set<String> images = new LinkedHashSet<>();
        images.add("'self'");
        images.add("data:");
        images.add("blob:");
        if (map.basemap() != null) {
            images.addAll(basemapOrigins(map.basemap()));
        }
        this.value = policy("style-src 'self'", images);
        this.forSwaggerUi = policy("style-src 'self' 'unsafe-inline'", images);
    }

    /** The policy of the map page, the OGC HTML views and every other answer but Swagger UI's. */
    public String value() {
        return value;
    }

    /**
     * Swagger UI's policy: its bundle writes a {@code <style>} element as it renders (the syntax
     * highlighter's theme), which {@code style-src 'self'} would block; inline script stays forbidden.
     */
    public String forSwaggerUi() {
        return forSwaggerUi;
    }

    private static String policy(String styles, Set<String> images) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                styles,
                "img-src " + String.join(" ", images),
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /**
     * The origins a basemap's tiles come from: none beyond this one for a path on this server, else
     * the template's scheme and host with {@code {s}} replaced by each subdomain it may take.
     */
    static Set<String> basemapOrigins(MapSettings.Basemap basemap) {
        Set<String> origins = new LinkedHashSet<>();
        String url = basemap.url();
        if (url.startsWith("/")) {
            return origins;
        }
        for (char subdomain : basemap.subdomains().toCharArray()) {
            URI tiles = URI.create(url.replace("{s}", String.valueOf(subdomain))
                    .replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
            origins.add(tiles.getScheme() + "://" + tiles.getRawAuthority());
        }
        return origins;
    }
}
