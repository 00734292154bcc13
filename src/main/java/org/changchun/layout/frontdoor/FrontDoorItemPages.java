package org.changchun.layout.frontdoor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.RequestTimers;
import org.changchun.layout.ogc.ItemPages;
import org.changchun.layout.ogc.PageAddress;
import org.changchun.layout.problem.DatabaseProblems;
import org.changchun.layout.problem.ProblemDocument;
import org.changchun.layout.security.PublicCors;
import org.changchun.layout.security.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The pages of items the front door answers itself: an anonymous {@code GET} of a page of GeoJSON,
 * through the same {@link ItemPages} as the controller, with the headers the servlet chain writes
 * on it and timed in the same request timers. A page is some hundred kilobytes of JSON; relayed, the
 * container's answer crossed the loopback once more and the door copied it, and Spring MVC and the
 * security filters were a quarter of the request's own CPU. A client that accepts gzip (browsers,
 * GDAL, QGIS) gets the page compressed as the container would send it, at the fastest level
 * ({@link FastGzip}).
 *
 * <p>The door answers only what it reads exactly as the container would; anything else is relayed,
 * and the container answers it as ever: credentials, cookies, an {@code Origin} on the host asked
 * (same origin or not is the chain's CORS processing to say; an {@code Origin} of another host is a
 * public read, answered here with the public CORS headers), headers of proxies in front (the chain
 * reads them into the links), a body, an {@code Accept-Encoding} with weights or wildcards, a path
 * other than {@code /ogc/collections/{id}/items}, a query with characters outside a URL's own or a
 * parameter without a name or an {@code =}, HTML, and every request the page cannot be made for (a
 * parameter to fix, no such collection), whose problem document the container writes. When the
 * database fails the page, the door answers the problem itself, as the container would: asked
 * again, the container would wait for the database a second time.
 */
final class FrontDoorItemPages {

    private static final Logger log = LoggerFactory.getLogger(FrontDoorItemPages.class);

    private static final String PREFIX = "/ogc/collections/";
    private static final String SUFFIX = "/items";
    /** The headers whose presence leaves a request to the servlet chain. */
    private static final String[] FOR_THE_CHAIN = {HttpHeaders.AUTHORIZATION, "X-API-Key", "Cookie",
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port",
        "X-Forwarded-Prefix", "X-Forwarded-Ssl", HttpHeaders.TRANSFER_ENCODING};

    /**
     * The CORS processing's {@code Vary} values as Tomcat rewrites them on an answer it might
     * compress: one line, lower case, with {@code accept-encoding}.
     */
    private static final String VARY_COMPRESSIBLE = String.join(",", PublicCors.VARY).toLowerCase(Locale.ROOT)
            + ",accept-encoding";

    private final ItemPages pages;
    private final RequestTimers timers;
    private final boolean anonymousRead;
    /** The body size from which the container may compress a page, and so marks it as varying by the coding. */
    private final long compressibleFrom;
    /** Whether the container compresses a problem document (application/problem+json) when asked to. */
    private final boolean problemsCompressible;
    /** Name, value, … of the security headers the chain writes on a page, in the chain's order. */
    private final String[] securityHeaders;

    /**
     * @param contentSecurityPolicy the policy the chain's header filter writes on every document
     * @param compressibleFrom      the size from which the container compresses a page of GeoJSON when asked to,
     *                              {@link Long#MAX_VALUE} when it never does
     * @param problemsCompressible  whether it compresses a problem document when asked to
     */
    FrontDoorItemPages(ItemPages pages, RequestTimers timers, boolean anonymousRead, String contentSecurityPolicy,
                       long compressibleFrom, boolean problemsCompressible) {
        this.pages = pages;
        this.timers = timers;
        this.anonymousRead = anonymousRead;
        this.compressibleFrom = compressibleFrom;
        this.problemsCompressible = problemsCompressible;
        this.securityHeaders = Stream.concat(Arrays.stream(SecurityHeaders.plainHttp()), Stream.of(
                "Content-Security-Policy", contentSecurityPolicy,
                "Referrer-Policy", SecurityHeaders.REFERRER_POLICY.getPolicy())).toArray(String[]::new);
    }

    /**
     * Answers the request if it is an anonymous page of GeoJSON the door reads as the container
     * would.
     *
     * @return false when it is not, or the page could not be made for a reason of the request's: the
     *         request is then the container's
     */
    boolean answer(ClassicHttpRequest request, ClassicHttpResponse response) {
        long start = System.nanoTime();
        if (!anonymousRead || !"GET".equals(request.getMethod()) || request.getPath() == null) {
            return false;
        }
        for (String header : FOR_THE_CHAIN) {
            if (request.containsHeader(header)) {
                return false;
            }
        }
        Header length = request.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !"0".equals(length.getValue())) {
            return false;
        }
        Header host = request.getFirstHeader(HttpHeaders.HOST);
        String target = request.getPath();
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String collectionId = collectionOf(path);
        if (host == null || collectionId == null) {
            return false;
        }
        MultiValueMap<String, String> parameters = queryStart < 0 ? new LinkedMultiValueMap<>()
                : parameters(target.substring(queryStart + 1));
        if (parameters == null) {
            return false;
        }
        Header[] accept = request.getHeaders(HttpHeaders.ACCEPT);
        Boolean gzipAsked = gzipAsked(request.getHeaders(HttpHeaders.ACCEPT_ENCODING));
        Boolean crossOrigin = crossOrigin(request.getHeaders("Origin"), host.getValue());
        if (accept.length > 1 || gzipAsked == null || crossOrigin == null) {
            return false; // how the container reads them is its own
        }
        ItemPages.GeoJsonPage page;
        try {
            ItemPages.Request read = pages.read(collectionId, parameters, accept.length == 0 ? null : accept[0].getValue());
            if (read.asHtml()) {
                return false;
            }
            page = pages.geoJson(read, PageAddress.of("http://" + host.getValue(), target));
        } catch (RuntimeException e) {
            Optional<ProblemDocument> database = DatabaseProblems.of(e);
            if (database.isEmpty()) {
                return false; // the container meets the same failure and words it
            }
            // answered here, as the container would: asked again, it would wait for the database as long again
            log.warn("The store is unreachable or too slow answering a page of {}: {}", collectionId, e.getMessage());
            FrontDoorProblems.write(response, database.get().asSpringMvcAnswers(path));
            // Tomcat streams a problem document without its length, so it may compress one of any size
            writeChainHeaders(response, problemsCompressible, crossOrigin);
            if (problemsCompressible && gzipAsked) {
                response.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                response.setEntity(new ByteArrayEntity(FastGzip.compress(bytesOf(response.getEntity())),
                        ContentType.parse(response.getEntity().getContentType())));
            }
            timers.record(ItemPages.ROUTE, database.get().status(), e, System.nanoTime() - start);
            return true;
        }
        response.setCode(200);
        boolean compressible = page.body().length >= compressibleFrom;
        writeChainHeaders(response, compressible, crossOrigin);
        response.addHeader("Content-Crs", page.contentCrs());
        response.addHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.GEOJSON_VALUE);
        if (compressible && gzipAsked) {
            response.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setEntity(new ByteArrayEntity(FastGzip.compress(page.body()), null));
        } else {
            response.setEntity(new ByteArrayEntity(page.body(), null));
        }
        timers.record(ItemPages.ROUTE, 200, null, System.nanoTime() - start);
        return true;
    }

    private static byte[] bytesOf(HttpEntity entity) {
        try {
            return EntityUtils.toByteArray(entity);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an answer made in memory failed", e);
        }
    }

    /**
     * The headers the servlet chain writes on an answer under {@code /ogc/}, in its order; for a page
     * of another origin those of a public read ({@link PublicCors}).
     */
    private void writeChainHeaders(ClassicHttpResponse response, boolean compressible, boolean crossOrigin) {
        if (compressible) {
            // Tomcat, which might have compressed it, rewrites the CORS processing's Vary values as one
            response.addHeader(HttpHeaders.VARY, VARY_COMPRESSIBLE);
        } else {
            for (String value : PublicCors.VARY) {
                response.addHeader(HttpHeaders.VARY, value);
            }
        }
        if (crossOrigin) {
            response.addHeader("Access-Control-Allow-Origin", PublicCors.ALLOW_ANY_ORIGIN);
            response.addHeader("Access-Control-Expose-Headers", PublicCors.EXPOSED_HEADERS);
        }
        for (int i = 0; i < securityHeaders.length; i += 2) {
            response.addHeader(securityHeaders[i], securityHeaders[i + 1]);
        }
    }

    /**
     * Whether a page of another origin asks: false without an {@code Origin}, true for one on another
     * host than the one asked; null when the door leaves the decision to the container's CORS
     * processing (the same host on another scheme or port is a question of default ports, several
     * origins or one it cannot read are the container's to refuse).
     */
    private static Boolean crossOrigin(Header[] origins, String host) {
        if (origins.length == 0) {
            return false;
        }
        String origin = origins[0].getValue();
        int hostStart = origin.indexOf("://");
        if (origins.length > 1 || hostStart < 0) {
            return null;
        }
        String originHost = withoutPort(origin.substring(hostStart + 3));
        return originHost.isEmpty() || originHost.equalsIgnoreCase(withoutPort(host)) ? null : true;
    }

    private static String withoutPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon < 0 || authority.endsWith("]") ? authority : authority.substring(0, colon);
    }

    /**
     * Whether the container would send a page gzip-compressed to a client sending these
     * {@code Accept-Encoding} headers (it names gzip), or null for a list the door does not read
     * for the container: one with weights, {@code *} or {@code x-gzip}.
     */
    private static Boolean gzipAsked(Header[] acceptEncoding) {
        boolean gzip = false;
        for (Header header : acceptEncoding) {
            for (String element : header.getValue().split(",")) {
                String coding = element.trim().toLowerCase(Locale.ROOT);
                if (coding.indexOf(';') >= 0 || coding.equals("*") || coding.equals("x-gzip")) {
                    return null;
                }
                gzip |= coding.equals("gzip");
            }
        }
        return gzip;
    }

    /** The collection a path names when it is a page of items, by an id of plain characters; null when not. */
    private static String collectionOf(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String id = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.') {
                return null;
            }
        }
        return id;
    }

    /**
     * The query's parameters decoded as the servlet container decodes them (UTF-8, {@code +} a
     * space), or null when the query holds anything the door would have to guess about.
     */
    private static MultiValueMap<String, String> parameters(String query) {
        for (int i = 0; i < query.length(); i++) {
            if (!isUrlCharacter(query.charAt(i))) {
                return null;
            }
        }
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    return null;
                }
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (name.indexOf('\uFFFD') >= 0 || value.indexOf('\uFFFD') >= 0) {
                    return null; // not UTF-8: how the container words that is its own
                }
                parameters.add(name, value);
            }
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
        return parameters;
    }

    /** RFC 3986's unreserved and sub-delimiter characters, {@code : @ / ?} and percent escapes. */
    private static boolean isUrlCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0);
    }
}
