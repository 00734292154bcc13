package org.changchun.layout.tiles.serving;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.security.SecurityProperties;
import org.changchun.layout.tiles.TileProperties;
import org.changchun.layout.tiles.TileService;
import org.springframework.http.HttpHeaders;

/**
 * The tile port's requests: an anonymous tile read is answered here, as {@link PublicTiles}
 * answers it on the API port (same status, entity tag, caching and security headers, same
 * request timers); everything else is relayed to the API port ({@link ApiRelay}), which then
 * answers it exactly as if it had been asked, failures of a tile read included.
 */
final class TileListenerHandler implements HttpRequestHandler {

    /** What Spring Security's header filter writes on every answer of the API port over plain HTTP. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "X-Frame-Options", "DENY");
    private static final ContentType MVT = ContentType.create(TilesController.MVT.toString());

    private final LayerCatalog catalog;
    private final TileService tiles;
    private final int maxZoom;
    private final boolean anonymousRead;
    private final List<String> vary;
    private final String cacheControl;
    private final RequestTimers timers;
    private final ApiRelay relay;
    private final Counter relayed;

    /** @param relayed counts the requests handed to the API port */
    TileListenerHandler(LayerCatalog catalog, TileService tiles, TileProperties properties, SecurityProperties security,
                        RequestTimers timers, ApiRelay relay, Counter relayed) {
        this.catalog = catalog;
        this.tiles = tiles;
        this.maxZoom = properties.maxZoom();
        this.anonymousRead = security.anonymousRead();
        this.vary = PublicTiles.vary(security);
        this.cacheControl = TilesController.caching(properties).getHeaderValue();
        this.timers = timers;
        this.relay = relay;
        this.relayed = relayed;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        long start = System.nanoTime();
        TileRoute route = answeredHere(request) ? TileRoute.of(request.getPath(), catalog, maxZoom) : null;
        if (route == null) {
            relay(request, response, context);
            return;
        }
        TileReply reply;
        try {
            boolean gzip = AcceptEncoding.allowsGzip(values(request, HttpHeaders.ACCEPT_ENCODING));
            reply = TileReply.to(route.layers(), route.address(), gzip,
                    etag -> IfNoneMatch.matches(values(request, HttpHeaders.IF_NONE_MATCH), etag), tiles);
        } catch (RuntimeException e) {
            // the API port meets the same failure and renders it (problem document, Retry-After), and counts it
            relay(request, response, context);
            return;
        }
        response.setCode(reply.status());
        response.setHeader(HttpHeaders.ETAG, reply.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        vary.forEach(value -> response.addHeader(HttpHeaders.VARY, value));
        SECURITY_HEADERS.forEach(response::setHeader);
        if (reply.status() == TileReply.OK) {
            if (reply.tile().gzipped()) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setEntity(new ByteArrayEntity(reply.tile().bytes(), MVT));
        }
        timers.record(route.pattern(), reply.status(), null, System.nanoTime() - start);
    }

    private void relay(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        relayed.increment();
        relay.relay(request, response, context);
    }

    private boolean answeredHere(ClassicHttpRequest request) {
        return request.getPath() != null && PublicTiles.answeredWithoutTheChain(anonymousRead, request.getMethod(),
                request.getPath().indexOf('?') >= 0, request::containsHeader);
    }

    private static List<String> values(ClassicHttpRequest request, String name) {
        return Arrays.stream(request.getHeaders(name)).map(Header::getValue).toList();
    }
}
