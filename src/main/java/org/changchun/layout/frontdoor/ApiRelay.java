package org.changchun.layout.frontdoor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Hands a request the front door does not answer itself to the servlet container and relays the
 * answer back as it comes: failures with their problem documents, cross-origin requests, requests
 * with credentials, everything that is not a tile. The container sees what a reverse proxy would
 * send it: the client's address in {@code X-Forwarded-For}, the host and port the client used in
 * {@code X-Forwarded-Host}, so the links it writes point where the client asked
 * (server.forward-headers-strategy: framework).
 *
 * <p>Over kept-alive connections, blocking, on the door's own thread (HttpCore's classic
 * requester), as the door answers tiles: a relayed request costs the container's own hand-offs and
 * a loopback round trip, and no threads of a client of its own.
 */
final class ApiRelay implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110, 7.6.1), and those the requester writes itself. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect", "http2-settings");
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    /** Longest silence while the container works on an answer (a big export streams long, but not silently). */
    private static final Timeout READ_TIMEOUT = Timeout.ofMinutes(10);
    /**
     * Connections older than this are not reused: the container closes one idle for 20 s (Tomcat's
     * keep-alive timeout), and a request sent on it as it closes would get no answer.
     */
    private static final Timeout CONNECTION_LIFETIME = Timeout.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(ApiRelay.class);

    private final HttpHost container;
    private final HttpRequester requester;

    /**
     * @param container   the servlet container, as this machine reaches it
     * @param connections the most connections to it at once (one per connection to the door)
     */
    ApiRelay(HttpHost container, int connections) {
        this.container = container;
        this.requester = RequesterBootstrap.bootstrap()
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(new RequestContent(), new RequestTargetHost()).build())
                .setSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(READ_TIMEOUT).build())
                .setHttp1Config(Http1Config.custom().setBufferSize(RelayedBody.CHUNK).build())
                .setMaxTotal(connections)
                .setDefaultMaxPerRoute(connections)
                .setTimeToLive(CONNECTION_LIFETIME)
                .create();
    }

    void relay(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        if (!isPath(request.getPath())) {
            FrontDoorProblems.write(response, HttpStatus.BAD_REQUEST, "请求目标须为合法的路径（非 ASCII 字符须百分号编码）",
                    "the request target must be a valid path (non-ASCII characters percent-encoded)");
            return;
        }
        ClassicHttpResponse answer;
        try {
            answer = send(request, context);
        } catch (IOException | HttpException | RuntimeException e) {
            log.warn("The servlet container did not answer {} {}: {}", request.getMethod(), request.getPath(), e.toString());
            FrontDoorProblems.write(response, HttpStatus.BAD_GATEWAY, "服务内部未应答，请稍后重试",
                    "the service did not answer inside; please retry shortly");
            return;
        }
        response.setCode(answer.getCode());
        for (Header header : answer.getHeaders()) {
            if (!NOT_RELAYED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                response.addHeader(header);
            }
        }
        Header declared = answer.getFirstHeader("Content-Length");
        long length = declared == null ? -1 : Long.parseLong(declared.getValue().trim());
        HttpEntity body = answer.getEntity();
        if (body == null) {
            answer.close();
            if ("HEAD".equals(request.getMethod()) && answer.getCode() != 204 && answer.getCode() != 304) {
                // no body is sent for HEAD; the entity only carries the length the container declared
                response.setEntity(new InputStreamEntity(InputStream.nullInputStream(), length, null));
            }
            return;
        }
        // the content type and coding are among the headers copied; the length comes from the entity.
        // Read to its end, the body gives its connection back for the next request; closed early, it drops it
        response.setEntity(new RelayedBody(body.getContent(), length));
    }

    /**
     * The request sent on; a request without a body that met a kept-alive connection the container
     * had just closed is sent again once, on a new one.
     */
    private ClassicHttpResponse send(ClassicHttpRequest request, HttpContext context) throws IOException, HttpException {
        try {
            return requester.execute(container, forwarded(request, context), CONNECT_TIMEOUT, HttpCoreContext.create());
        } catch (NoHttpResponseException | ConnectionClosedException stale) {
            if (request.getEntity() != null && request.getEntity().getContentLength() != 0) {
                throw stale;
            }
            return requester.execute(container, forwarded(request, context), CONNECT_TIMEOUT, HttpCoreContext.create());
        }
    }

    /**
     * Whether the request target is a path and query the container can be asked for: never another
     * server (a path that a resolver would read as naming a host, {@code //host/...}, is refused).
     */
    private static boolean isPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        try {
            new URI(path);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ClassicHttpRequest forwarded(ClassicHttpRequest request, HttpContext context) {
        ClassicHttpRequest forwarded = new BasicClassicHttpRequest(request.getMethod(), container, request.getPath());
        for (Header header : request.getHeaders()) {
            if (!NOT_RELAYED.contains(header.getName().toLowerCase(Locale.ROOT))
                    && !header.getName().equalsIgnoreCase("X-Forwarded-For")) {
                forwarded.addHeader(header);
            }
        }
        HttpEntity entity = request.getEntity();
        // a client may declare an empty body (Java's sends Content-Length: 0 with HEAD); that is none
        if (entity != null && entity.getContentLength() != 0) {
            forwarded.setEntity(new InputStreamEntity(content(entity), entity.getContentLength(), null));
            // the container may refuse on the headers alone (too large, not signed in) and close the
            // connection while the body is still being sent; asked to wait, it answers first
            forwarded.addHeader("Expect", "100-continue");
        }
        forwarded.addHeader("X-Forwarded-For", forwardedFor(request, context));
        if (request.getFirstHeader("X-Forwarded-Host") == null && request.getFirstHeader("Host") != null) {
            forwarded.addHeader("X-Forwarded-Host", request.getFirstHeader("Host").getValue());
        }
        if (request.getFirstHeader("X-Forwarded-Proto") == null) {
            forwarded.addHeader("X-Forwarded-Proto", "http");
        }
        return forwarded;
    }

    private static InputStream content(HttpEntity entity) {
        try {
            return entity.getContent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The client's address after any a proxy in front of the door already named. */
    private static String forwardedFor(ClassicHttpRequest request, HttpContext context) {
        EndpointDetails endpoint = HttpCoreContext.cast(context).getEndpointDetails();
        SocketAddress remote = endpoint == null ? null : endpoint.getRemoteAddress();
        String client = remote instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : "unknown";
        Header earlier = request.getFirstHeader("X-Forwarded-For");
        return earlier == null ? client : earlier.getValue() + ", " + client;
    }

    @Override
    public void close() {
        requester.close(CloseMode.GRACEFUL);
    }
}
