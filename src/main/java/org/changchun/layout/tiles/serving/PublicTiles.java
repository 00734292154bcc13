package org.changchun.layout.tiles.serving;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.security.SecurityProperties;
import org.changchun.layout.tiles.TileProperties;
import org.changchun.layout.tiles.TileService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers anonymous tile requests before Spring Security and Spring MVC. A map asks for dozens of
 * tiles at once, and the two cost a tile about 0.5 ms of CPU (mostly matching the path against
 * every route), as much as PostGIS takes to encode a district tile and fifty times what a cache hit
 * costs. Everything else goes down the full chain, unchanged: reading that needs a sign-in, a
 * request with credentials (a wrong password or a dead API key must still get its 401), a
 * cross-origin request (CORS), anything this filter does not recognise as a tile address.
 *
 * <p>The answer is the controller's: the same status, entity tag, {@code Cache-Control}, the
 * security headers (written by Spring Security's own header filter, taken from its chain, so a
 * tile over HTTPS gets HSTS like any other answer), and for a failure the same problem document,
 * rendered by the same exception handlers ({@code TilesTest} and {@code DatabaseOutageTest}
 * compare the two paths). Request metrics count these answers under the tile route, in the same
 * timers as Spring's request observation, which this filter runs before ({@link RequestTimers}).
 */
@Component
@Order(PublicTiles.ORDER)
@ConditionalOnWebApplication
class PublicTiles extends OncePerRequestFilter {

    /** First: before request observation (its cost per request is a quarter of a cache hit's) and Spring Security. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final LayerCatalog catalog;
    private final TileService tiles;
    private final TileProperties properties;
    private final HandlerExceptionResolver errors;
    private final RequestTimers timers;
    /** Spring Security's header writers as its chain runs them (nothing to add when that chain writes none). */
    private final Filter securityHeaders;
    private final boolean anonymousRead;
    private final String cacheControl;
    private final List<String> vary;

    PublicTiles(LayerCatalog catalog, TileService tiles, TileProperties properties, SecurityProperties security,
                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors, MeterRegistry meters,
                SecurityFilterChain securityChain) {
        this.catalog = catalog;
        this.tiles = tiles;
        this.properties = properties;
        this.errors = errors;
        this.timers = new RequestTimers(meters);
        this.securityHeaders = securityChain.getFilters().stream().filter(HeaderWriterFilter.class::isInstance).findFirst()
                .orElse((request, response, next) -> next.doFilter(request, response));
        this.anonymousRead = security.anonymousRead();
        this.cacheControl = TilesController.caching(properties).getHeaderValue();
        this.vary = vary(security);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/ogc/") || !answeredWithoutTheChain(anonymousRead, request.getMethod(),
                request.getQueryString() != null, name -> request.getHeader(name) != null);
    }

    /**
     * The requests a tile may be answered to without the full chain, here and on the tile port
     * ({@link TileListenerHandler}): reads that need no sign-in, ask nothing of the query string,
     * carry no credentials (a wrong password or a dead API key must still get its 401) and are not
     * cross-origin (CORS).
     *
     * @param hasHeader whether the request has a header of this name
     */
    static boolean answeredWithoutTheChain(boolean anonymousRead, String method, boolean hasQuery,
                                           Predicate<String> hasHeader) {
        return anonymousRead && "GET".equals(method) && !hasQuery && !hasHeader.test(HttpHeaders.AUTHORIZATION)
                && !hasHeader.test("X-API-Key") && !hasHeader.test(HttpHeaders.ORIGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        TileRoute route = TileRoute.of(path(request), catalog, properties.maxZoom());
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        // the header filter writes its headers when the answer is committed, so the answer goes through its wrapper
        securityHeaders.doFilter(request, response, (wrappedRequest, wrappedResponse) -> answerOrRenderFailure(
                route, (HttpServletRequest) wrappedRequest, (HttpServletResponse) wrappedResponse, start));
    }

    private void answerOrRenderFailure(TileRoute route, HttpServletRequest request, HttpServletResponse response, long start)
            throws IOException {
        try {
            answer(route, request, response);
            timers.record(route.pattern(), response.getStatus(), null, System.nanoTime() - start);
        } catch (RuntimeException e) {
            boolean rendered = errors.resolveException(request, response, null, e) != null;
            timers.record(route.pattern(), rendered ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    e, System.nanoTime() - start);
            if (!rendered) {
                throw e;
            }
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void answer(TileRoute route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        TileReply reply = TileReply.to(route.layers(), route.address(), AcceptEncoding.allowsGzip(request),
                etag -> IfNoneMatch.matches(request, etag), tiles);
        status(response, reply.status(), reply.etag());
        if (reply.status() != TileReply.OK) {
            return;
        }
        response.setContentType(TilesController.MVT.toString());
        if (reply.tile().gzipped()) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(reply.tile().bytes().length);
        response.getOutputStream().write(reply.tile().bytes());
    }

    private void status(HttpServletResponse response, int status, String etag) {
        response.setStatus(status);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        vary.forEach(value -> response.addHeader(HttpHeaders.VARY, value));
    }

    /**
     * The {@code Vary} values of a tile answer, in the order the full chain writes them. With CORS
     * on ({@link SecurityProperties#allowsCrossOrigin()}), Spring's
     * CORS processing marks every answer as varying by {@code Origin}, whether or not the request
     * had one; a public answer must say so too, or a shared cache could hand a cross-origin page a
     * copy made for a same-origin request, without {@code Access-Control-Allow-Origin}.
     */
    static List<String> vary(SecurityProperties security) {
        return !security.allowsCrossOrigin() ? List.of(HttpHeaders.ACCEPT_ENCODING)
                : List.of(HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
                        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, HttpHeaders.ACCEPT_ENCODING);
    }
}
