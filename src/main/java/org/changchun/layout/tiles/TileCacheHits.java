package org.changchun.layout.tiles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.security.SecurityProperties;
import org.changchun.layout.store.LayerInfo;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers anonymous requests for tiles already in the cache, and revalidations of unchanged
 * tiles, before Spring Security and Spring MVC: those cost a cache hit about 0.2 ms of CPU, twenty
 * times what looking the tile up and writing it does, and a map asks for dozens of tiles at once.
 * Everything else goes down the full chain, unchanged: a miss (the controller encodes and caches
 * the tile), reading that needs a sign-in, a request with credentials (a wrong password or a dead
 * API key must still get its 401), a cross-origin request (CORS), anything malformed.
 *
 * <p>The answer is the controller's: the same status, entity tag, {@code Cache-Control} and the
 * security headers Spring Security adds ({@code TileCacheHitsTest} compares the two), less the
 * {@code XSRF-TOKEN} cookie, which a tile does not need and which keeps shared caches from storing it.
 * Request metrics still count these answers, under the tile route.
 */
@Component
@Order(TileCacheHits.ORDER)
class TileCacheHits extends OncePerRequestFilter {

    /** Just before Spring Security's filter chain (-100), after request observation (metrics). */
    static final int ORDER = -101;
    private static final String COLLECTION_ROUTE = "/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}";
    private static final String DATASET_ROUTE = "/ogc/tiles/{tileMatrixSetId}/{z}/{y}/{x}";

    private final LayerCatalog catalog;
    private final TileService tiles;
    private final TileProperties properties;
    private final boolean anonymousRead;
    private final String cacheControl;

    TileCacheHits(LayerCatalog catalog, TileService tiles, TileProperties properties, SecurityProperties security) {
        this.catalog = catalog;
        this.tiles = tiles;
        this.properties = properties;
        this.anonymousRead = security.anonymousRead();
        this.cacheControl = TilesController.caching(properties).getHeaderValue();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !anonymousRead || !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/ogc/")
                || request.getQueryString() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader("X-API-Key") != null || request.getHeader(HttpHeaders.ORIGIN) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Route route = route(request.getRequestURI());
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        String etag = tiles.etag(route.layers(), route.address());
        boolean unchanged = etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH));
        byte[] cached = unchanged ? null : tiles.cached(route.address(), etag);
        if (!unchanged && cached == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(route.pattern()));
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        // what Spring Security's header writers add to every answer of this service
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        if (unchanged) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        } else if (cached.length == 0) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(TilesController.MVT.toString());
            response.setContentLength(cached.length);
            response.getOutputStream().write(cached);
        }
    }

    private record Route(String pattern, List<LayerInfo> layers, TileAddress address) {
    }

    /** The tile a path names, or null when it names none this filter answers (the chain then decides). */
    private Route route(String path) {
        String[] parts = path.split("/");
        try {
            if (parts.length == 9 && parts[2].equals("collections") && parts[4].equals("tiles")
                    && parts[5].equals(TileMatrixSet.ID)) {
                return catalog.find(parts[3]).map(layer -> new Route(COLLECTION_ROUTE, List.of(layer),
                        address(parts, 6))).orElse(null);
            }
            if (parts.length == 7 && parts[2].equals("tiles") && parts[3].equals(TileMatrixSet.ID)) {
                return new Route(DATASET_ROUTE, TilesController.planLayers(catalog), address(parts, 4));
            }
        } catch (NumberFormatException | TileNotFoundException e) {
            return null;
        }
        return null;
    }

    private TileAddress address(String[] parts, int first) {
        return TileAddress.of(Integer.parseInt(parts[first]), Integer.parseInt(parts[first + 1]),
                Integer.parseInt(parts[first + 2]), properties.maxZoom());
    }
}
