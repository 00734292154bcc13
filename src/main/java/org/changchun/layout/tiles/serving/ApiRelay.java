package org.changchun.layout.tiles.serving;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Hands a request the tile port does not answer itself to the API port and relays the answer
 * back as it comes: failures with their problem documents, cross-origin requests, requests with
 * credentials, everything that is not a tile. The API port sees what a reverse proxy would send
 * it: the client's address in {@code X-Forwarded-For}, the host and port the client used in
 * {@code X-Forwarded-Host}, so the links it writes point where the client asked
 * (server.forward-headers-strategy: framework).
 */
final class ApiRelay {

    /** Hop-by-hop headers (RFC 9110, 7.6.1) and those the JDK's client sets itself. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect", "http2-settings");

    private static final Logger log = LoggerFactory.getLogger(ApiRelay.class);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI api;

    /** @param api the API port's root, as this machine reaches it */
    ApiRelay(URI api) {
        this.api = api;
    }

    void relay(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        URI target = target(request.getPath());
        if (target == null) {
            TilePortProblems.write(response, HttpStatus.BAD_REQUEST, "请求目标须为合法的路径（非 ASCII 字符须百分号编码）",
                    "the request target must be a valid path (non-ASCII characters percent-encoded)");
            return;
        }
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forwarded(request, target, context), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TilePortProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "服务正在停止", "the service is stopping");
            return;
        } catch (IOException | RuntimeException e) {
            log.warn("The API port did not answer {} {}: {}", request.getMethod(), target.getRawPath(), e.toString());
            TilePortProblems.write(response, HttpStatus.BAD_GATEWAY, "接口端口未应答，请稍后重试", "the API port did not answer; please retry shortly");
            return;
        }
        response.setCode(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
        int status = answer.statusCode();
        if (status == 204 || status == 304 || status < 200) {
            answer.body().close();
        } else if ("HEAD".equals(request.getMethod())) {
            // no body is sent for HEAD; the entity only carries the length the API port declared
            answer.body().close();
            response.setEntity(new InputStreamEntity(InputStream.nullInputStream(), length, null));
        } else {
            response.setEntity(new InputStreamEntity(answer.body(), length, null));
        }
    }

    /**
     * The request's path and query on the API port, or null when they do not form a URI path. Never
     * another server: a path that a resolver would read as naming a host ({@code //host/...}) is refused.
     */
    private URI target(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        try {
            return api.resolve(new URI(path));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private HttpRequest forwarded(ClassicHttpRequest request, URI target, HttpContext context) {
        HttpEntity entity = request.getEntity();
        // a client may declare an empty body (Java's sends Content-Length: 0 with HEAD); that is none
        HttpRequest.BodyPublisher body = entity == null || entity.getContentLength() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : entity.getContentLength() >= 0
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> content(entity)),
                        entity.getContentLength())
                : HttpRequest.BodyPublishers.ofInputStream(() -> content(entity));
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target).method(request.getMethod(), body);
        for (Header header : request.getHeaders()) {
            if (!NOT_RELAYED.contains(header.getName().toLowerCase(Locale.ROOT))
                    && !header.getName().equalsIgnoreCase("X-Forwarded-For")) {
                forwarded.header(header.getName(), header.getValue());
            }
        }
        if (entity != null && entity.getContentType() != null && request.getFirstHeader("Content-Type") == null) {
            forwarded.header("Content-Type", entity.getContentType());
        }
        forwarded.header("X-Forwarded-For", forwardedFor(request, context));
        if (request.getFirstHeader("X-Forwarded-Host") == null && request.getFirstHeader("Host") != null) {
            forwarded.header("X-Forwarded-Host", request.getFirstHeader("Host").getValue());
        }
        if (request.getFirstHeader("X-Forwarded-Proto") == null) {
            forwarded.header("X-Forwarded-Proto", "http");
        }
        return forwarded.build();
    }

    private static InputStream content(HttpEntity entity) {
        try {
            return entity.getContent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The client's address after any a proxy in front of the tile port already named. */
    private static String forwardedFor(ClassicHttpRequest request, HttpContext context) {
        EndpointDetails endpoint = HttpCoreContext.cast(context).getEndpointDetails();
        SocketAddress remote = endpoint == null ? null : endpoint.getRemoteAddress();
        String client = remote instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : "unknown";
        Header earlier = request.getFirstHeader("X-Forwarded-For");
        return earlier == null ? client : earlier.getValue() + ", " + client;
    }
}
