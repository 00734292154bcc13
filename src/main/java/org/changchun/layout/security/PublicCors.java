package org.changchun.layout.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Which browser pages of other origins may read what. Public, anonymous reads of the plan under
 * {@code /ogc/} (tiles, TileJSON, tileset metadata, collections and items) answer any origin
 * without credentials ({@code Access-Control-Allow-Origin: *}, no {@code Allow-Credentials}), as
 * tile servers such as martin and pg_tileserv do, so a MapLibre or OpenLayers map elsewhere can
 * show the plan with the default settings. A request that carries credentials (Authorization,
 * {@code X-API-Key}, a cookie), and any request but a read, is answered cross-origin only for the
 * origins in {@code plan.security.cors-allowed-origins}, with credentials; from any other origin
 * it is refused (403) without {@code Access-Control-Allow-Origin}.
 */
public final class PublicCors {

    /** The {@code Access-Control-Allow-Origin} of a public read. */
    public static final String ALLOW_ANY_ORIGIN = "*";
    /**
     * The {@code Vary} values Spring's CORS processing writes on every answer under {@code /ogc/} and
     * {@code /api/}, with or without an {@code Origin} in the request, in its order.
     */
    public static final List<String> VARY = List.of(HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    /** The {@code Access-Control-Expose-Headers} of a public read, as Spring's CORS processing writes it. */
    public static final String EXPOSED_HEADERS = "ETag, Content-Crs";

    private static final List<String> READS = List.of("GET", "HEAD");

    private PublicCors() {
    }

    /**
     * Whether the request, or the request a preflight announces, is an anonymous read: a
     * {@code GET} or {@code HEAD} without credentials.
     */
    static boolean anonymousRead(HttpServletRequest request) {
        if ("OPTIONS".equals(request.getMethod())) {
            String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
            String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            String announced = headers == null ? "" : headers.toLowerCase(Locale.ROOT);
            return method != null && READS.contains(method) && !announced.contains("authorization")
                    && !announced.contains(ApiKeyFilter.HEADER.toLowerCase(Locale.ROOT));
        }
        return READS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(ApiKeyFilter.HEADER) == null && request.getHeader(HttpHeaders.COOKIE) == null;
    }

    /** The CORS rules of the API port: public reads for any origin, the rest for the listed ones. */
    static CorsConfigurationSource source(SecurityProperties properties) {
        CorsConfiguration publicReads = new CorsConfiguration();
        publicReads.setAllowedOrigins(List.of(ALLOW_ANY_ORIGIN));
        publicReads.setAllowedMethods(READS);
        publicReads.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        publicReads.setExposedHeaders(List.of(EXPOSED_HEADERS.split(", ")));

        // with no origin listed every credentialed cross-origin request is refused
        CorsConfiguration listed = new CorsConfiguration();
        listed.setAllowedOrigins(properties.corsAllowedOrigins());
        listed.setAllowCredentials(true);
        listed.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        listed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Content-Crs", ApiKeyFilter.HEADER,
                "If-None-Match", "Accept", "X-XSRF-TOKEN", "X-Requested-With"));
        listed.setExposedHeaders(List.of("ETag", "Location", "Content-Crs"));

        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean ogc = path.equals("/ogc") || path.startsWith("/ogc/");
            if (!ogc && !path.startsWith("/api/")) {
                return null;
            }
            return ogc && properties.anonymousRead() && anonymousRead(request) ? publicReads : listed;
        };
    }
}
