package org.changchun.layout.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the map page draws under the plan layers ({@code plan.map.*}), served at {@code GET /api/map-settings}.
 * The default is no basemap: the plan layers over a plain background, which needs no internet.
 *
 * @param basemap a raster basemap, or {@code null} for none
 */
@Validated
@ConfigurationProperties("plan.map")
public record MapSettings(@Valid Basemap basemap) {

    /**
     * A raster tile basemap.
     *
     * @param url         tile URL template with {@code {z}}, {@code {x}} and {@code {y}} (and {@code {s}} for a
     *                    subdomain), absolute http(s) or a path on this server
     * @param attribution the credit line the basemap's licence asks for (shown on the map)
     * @param datum       the datum the basemap is drawn in: WGS84 or CGCS2000 (e.g. Tianditu) need no shift,
     *                    GCJ02 (e.g. Amap/Gaode, Tencent) makes the page shift the plan layers onto it. There is
     *                    no default: a wrong guess draws every layer hundreds of metres off
     * @param subdomains  the letters or digits {@code {s}} takes, e.g. {@code 1234} (default {@code abc})
     * @param maxZoom     the deepest zoom the basemap has tiles for (default 18)
     */
    public record Basemap(
            @NotNull @Pattern(regexp = "^(https?://|/)(?=.*\\{z})(?=.*\\{x})(?=.*\\{y}).*$",
                    message = "must be an http(s) URL or a path holding {z}, {x} and {y}") String url,
            String attribution,
            @NotNull(message = "must say which datum the basemap is in: WGS84, CGCS2000 or GCJ02") Datum datum,
            String subdomains,
            @Min(1) @Max(22) Integer maxZoom) {

        public Basemap {
            attribution = attribution == null ? "" : attribution;
            subdomains = subdomains == null || subdomains.isBlank() ? "abc" : subdomains;
            maxZoom = maxZoom == null ? 18 : maxZoom;
        }
    }

    /** Geodetic datums of Chinese web basemaps. CGCS2000 and WGS84 differ by centimetres, GCJ-02 by hundreds of metres. */
    public enum Datum {
        WGS84, CGCS2000, GCJ02
    }
}
