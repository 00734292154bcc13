package org.changchun.layout.tiles.serving;

import java.util.List;
import java.util.stream.Stream;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.security.PublicCors;
import org.changchun.layout.security.SecurityHeaders;
import org.changchun.layout.security.SecurityProperties;
import org.changchun.layout.tiles.TileAddress;
import org.changchun.layout.tiles.TileMatrixSet;
import org.changchun.layout.tiles.TileNotFoundException;
import org.changchun.layout.tiles.TileProperties;
import org.changchun.layout.tiles.TileService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * How a tile request is answered, decided here once for the three doors a tile is served by: the
 * controller at the end of the full chain ({@link TilesController}), the filter before it
 * ({@link PublicTiles}) and the service's front door
 * ({@link org.changchun.layout.frontdoor.FrontDoorHandler}). A door reads its
 * transport's request through a {@link RequestView}, asks here which tile it names
 * ({@link #route}, or {@link #collectionTile} and {@link #planTile} for the controller) and what
 * the answer is ({@link #reply}), then writes the status, the headers {@link #writeHeaders} gives
 * it and the reply's body onto its own response. What stays with a door is its transport and what
 * it does when an answer fails. {@code TilesTest} compares the answers of all three.
 *
 * <p>The filter and the port exist because they are fast, so nothing here costs a request more
 * than the transports' own calls: the request is read through a stateless view, the headers are
 * written through a stateless writer, their constant values are made once, and the tile's bytes
 * go out as the cache holds them.
 */
@Component
public class TileAnswers {

    /** The media type of a Mapbox vector tile. */
    static final String MVT = "application/vnd.mapbox-vector-tile";

    /** What Spring Security's header filter writes on every answer of the API port over plain HTTP: name, value… */
    private static final String[] PLAIN_HTTP_SECURITY_HEADERS = SecurityHeaders.plainHttp();
    /** Every tile answer varies by this, whichever door it leaves by: the tile may come gzip-compressed. */
    private static final String[] VARY_BY_CODING = {HttpHeaders.ACCEPT_ENCODING};
    /**
     * The {@code Vary} values of a tile answer, in the order the full chain writes them: Spring's
     * CORS processing marks every answer under {@code /ogc/} as varying by {@code Origin} and the
     * preflight headers, whether or not the request had an {@code Origin}. An answer made without
     * that chain must say so too, or a shared cache could hand a cross-origin page a copy made
     * for a same-origin request, without {@code Access-Control-Allow-Origin}.
     */
    private static final String[] VARY = Stream.concat(PublicCors.VARY.stream(), Stream.of(HttpHeaders.ACCEPT_ENCODING))
            .toArray(String[]::new);

    /**
     * The door an answer leaves by, which says which of a tile answer's headers its surroundings
     * write, so that {@link #writeHeaders} leaves them out.
     */
    public enum Door {

        /**
         * The controller, at the end of the full chain: Spring's CORS processing has already marked
         * the answer as varying by {@code Origin} and the preflight headers, and allowed the origin
         * of a cross-origin one; Spring Security's header filter writes the security headers.
         */
        FULL_CHAIN(false, false),

        /**
         * {@link PublicTiles}, before that chain: it runs Spring Security's header filter itself (so
         * a tile over HTTPS gets HSTS like any other answer), but no CORS processing.
         */
        BEFORE_THE_CHAIN(true, false),

        /**
         * The {@linkplain org.changchun.layout.frontdoor.FrontDoor front door}, with neither: it writes
         * the security headers Spring Security writes over
         * plain HTTP, and the door adds HSTS when a proxy in front says the client used HTTPS.
         */
        FRONT_DOOR(true, true);

        private final boolean writesCors;
        private final boolean writesSecurityHeaders;

        Door(boolean writesCors, boolean writesSecurityHeaders) {
            this.writesCors = writesCors;
            this.writesSecurityHeaders = writesSecurityHeaders;
        }
    }

    /**
     * How the answers read the request of one transport. Stateless, one per transport, a constant
     * of its doors: reading a request through it costs what the transport's own calls cost.
     *
     * @param <R> the transport's request
     */
    public interface RequestView<R> {

        /**
         * The path asked for, from the application's root, or null when the request names none. A
         * transport that keeps the query with the path may leave it on: the path is only read as a
         * tile's when there is no query.
         */
        String path(R request);

        String method(R request);

        boolean hasQuery(R request);

        boolean hasHeader(R request, String name);

        /** Every value of the header, in the order sent; empty when there is none. */
        List<String> headers(R request, String name);
    }

    /**
     * Adds a header to the response of one transport; stateless, like {@link RequestView}.
     *
     * @param <S> the transport's response, or what builds it
     */
    public interface HeaderWriter<S> {

        void add(S response, String name, String value);
    }

    private final LayerCatalog catalog;
    private final TileService tiles;
    private final int maxZoom;
    private final boolean anonymousRead;
    private final String cacheControl;

    TileAnswers(LayerCatalog catalog, TileService tiles, TileProperties properties, SecurityProperties security) {
        this.catalog = catalog;
        this.tiles = tiles;
        this.maxZoom = properties.maxZoom();
        this.anonymousRead = security.anonymousRead();
        this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic().getHeaderValue();
    }

    /**
     * Whether a door may answer this request without the full chain, if it names a tile
     * ({@link #route}): a {@code GET} under {@code /ogc/} while reading needs no sign-in, with no
     * query (only the full chain reads one) and no credentials (a wrong password or a dead API key
     * must still get its 401). A map on another origin asks with an {@code Origin}: that is a
     * public read, answered here with the public CORS headers, unless it brings a cookie, which
     * makes it a credentialed request whose origin the full chain checks ({@link PublicCors}).
     */
    public <R> boolean mayAnswerWithoutTheChain(R request, RequestView<R> view) {
        String path = view.path(request);
        return anonymousRead && path != null && path.startsWith("/ogc/") && "GET".equals(view.method(request))
                && !view.hasQuery(request) && !view.hasHeader(request, HttpHeaders.AUTHORIZATION)
                && !view.hasHeader(request, "X-API-Key")
                && !(view.hasHeader(request, HttpHeaders.ORIGIN) && view.hasHeader(request, HttpHeaders.COOKIE));
    }

    /**
     * The tile a path names, read without Spring MVC, or null when it names none that can be
     * answered without the full chain: not a tile path, an unknown layer or tile matrix set, an
     * address that is not a number or not in the matrix. The controller answers those, with the
     * problem document that says what to fix.
     */
    public TileRoute route(String path) {
        String[] parts = path.split("/");
        try {
            if (parts.length == 9 && parts[2].equals("collections") && parts[4].equals("tiles")
                    && parts[5].equals(TileMatrixSet.ID) && parts[1].equals("ogc")) {
                return catalog.find(parts[3]).map(layer -> new TileRoute(TileRoute.COLLECTION_TILE, List.of(layer),
                        address(parts, 6))).orElse(null);
            }
            if (parts.length == 7 && parts[2].equals("tiles") && parts[3].equals(TileMatrixSet.ID)
                    && parts[1].equals("ogc")) {
                return new TileRoute(TileRoute.PLAN_TILE, planLayers(), address(parts, 4));
            }
        } catch (InvalidQueryException | TileNotFoundException e) {
            return null;
        }
        return null;
    }

    private TileAddress address(String[] parts, int first) {
        return TileAddress.parse(parts[first], parts[first + 1], parts[first + 2], maxZoom);
    }

    /**
     * The tile of one collection the controller was asked for.
     *
     * @throws RuntimeException the not-found the problem document names: the tile matrix set, the
     *                          collection or the tile, checked in that order
     */
    TileRoute collectionTile(String collectionId, String tileMatrixSetId, String z, String y, String x) {
        TileMatrixSet.require(tileMatrixSetId);
        LayerInfo layer = catalog.get(collectionId);
        return new TileRoute(TileRoute.COLLECTION_TILE, List.of(layer), TileAddress.parse(z, y, x, maxZoom));
    }

    /**
     * The tile of the whole plan the controller was asked for.
     *
     * @throws RuntimeException the not-found the problem document names: the tile matrix set or the tile
     */
    TileRoute planTile(String tileMatrixSetId, String z, String y, String x) {
        TileMatrixSet.require(tileMatrixSetId);
        return new TileRoute(TileRoute.PLAN_TILE, planLayers(), TileAddress.parse(z, y, x, maxZoom));
    }

    /** The layers of a whole-plan tile, and of its tileset's metadata. */
    List<LayerInfo> planLayers() {
        return catalog.planLayers();
    }

    /**
     * The answer to a request for this tile: 304 when its {@code If-None-Match} names the tile's
     * current entity tag ({@link IfNoneMatch}), which needs no encoding; otherwise the tile, encoded
     * or from the cache and gzip-compressed when the request's {@code Accept-Encoding} allows it
     * ({@link AcceptEncoding}), 204 when no feature falls in it.
     *
     * @throws RuntimeException when the tile cannot be made (the database is away, say); what the
     *                          client then gets is the door's to decide
     */
    public <R> TileReply reply(TileRoute route, R request, RequestView<R> view) {
        boolean gzip = AcceptEncoding.allowsGzip(view.headers(request, HttpHeaders.ACCEPT_ENCODING));
        boolean crossOrigin = crossOrigin(request, view);
        String etag = tiles.etag(route.layers(), route.address(), gzip);
        if (IfNoneMatch.matches(view.headers(request, HttpHeaders.IF_NONE_MATCH), etag)) {
            return TileReply.notModified(etag, crossOrigin);
        }
        return TileReply.of(tiles.tile(route.layers(), route.address(), etag, gzip), crossOrigin);
    }

    /**
     * Whether a page of another origin asks: an {@code Origin} other than the host asked, as
     * Spring's CORS processing tells a cross-origin request from a same-origin one that names its
     * origin.
     */
    private static <R> boolean crossOrigin(R request, RequestView<R> view) {
        List<String> origin = view.headers(request, HttpHeaders.ORIGIN);
        if (origin.isEmpty()) {
            return false;
        }
        List<String> host = view.headers(request, HttpHeaders.HOST);
        String value = origin.get(0);
        return host.isEmpty() || !value.substring(value.indexOf("://") + 3).equalsIgnoreCase(host.get(0));
    }

    /**
     * Writes the headers of a tile answer, in the order every door sends them: {@code ETag} (with
     * every status), {@code Cache-Control}, each {@code Vary} value, for a page of another origin
     * the public CORS headers, the security headers, and with a tile its {@code Content-Type} and,
     * compressed, {@code Content-Encoding: gzip}. Those the door's surroundings write ({@link Door})
     * are left to them. The door writes the status before, and after them the reply's
     * {@linkplain TileReply#body() body} with its length.
     */
    public <S> void writeHeaders(TileReply reply, Door door, S response, HeaderWriter<S> writer) {
        writer.add(response, HttpHeaders.ETAG, reply.etag());
        writer.add(response, HttpHeaders.CACHE_CONTROL, cacheControl);
        for (String value : door.writesCors ? VARY : VARY_BY_CODING) {
            writer.add(response, HttpHeaders.VARY, value);
        }
        if (door.writesCors && reply.crossOrigin()) {
            writer.add(response, HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PublicCors.ALLOW_ANY_ORIGIN);
            writer.add(response, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, PublicCors.EXPOSED_HEADERS);
        }
        if (door.writesSecurityHeaders) {
            writeSecurityHeaders(response, writer);
        }
        if (reply.status() == TileReply.OK) {
            writer.add(response, HttpHeaders.CONTENT_TYPE, MVT);
            if (reply.tile().gzipped()) {
                writer.add(response, HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
    }

    /** The headers Spring Security's header filter writes on every answer over plain HTTP. */
    public <S> void writeSecurityHeaders(S response, HeaderWriter<S> writer) {
        for (int i = 0; i < PLAIN_HTTP_SECURITY_HEADERS.length; i += 2) {
            writer.add(response, PLAIN_HTTP_SECURITY_HEADERS[i], PLAIN_HTTP_SECURITY_HEADERS[i + 1]);
        }
    }
}
