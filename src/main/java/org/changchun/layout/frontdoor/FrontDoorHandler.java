package org.changchun.layout.frontdoor;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.changchun.layout.http.RequestTimers;
import org.changchun.layout.problem.DatabaseProblems;
import org.changchun.layout.problem.ProblemDocument;
import org.changchun.layout.tiles.serving.TileAnswers;
import org.changchun.layout.tiles.serving.TileReply;
import org.changchun.layout.tiles.serving.TileRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The front door's requests: an anonymous tile read is answered here, as
 * {@code tiles.serving.PublicTiles} answers it in the servlet container (the
 * same {@link TileAnswers}, the same request timers), and so is an anonymous page of items
 * ({@link FrontDoorItemPages}); everything else is relayed to the servlet container ({@link ApiRelay}), which then answers it
 * exactly as if it had been asked, failures of a tile read included.
 *
 * <p>Behind a proxy that ends TLS and says so in {@code X-Forwarded-Proto}, a tile carries HSTS as
 * Spring Security writes it for every answer over HTTPS; a request that describes its proxies in
 * another form ({@code Forwarded}, {@code X-Forwarded-Ssl}) is relayed, for the container to read.
 */
final class FrontDoorHandler implements HttpRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(FrontDoorHandler.class);
    private static final TileAnswers.HeaderWriter<ClassicHttpResponse> HEADERS = ClassicHttpResponse::addHeader;
    /** Spring Security's default HSTS header (HstsHeaderWriter: one year, subdomains included). */
    private static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private final TileAnswers answers;
    private final FrontDoorItemPages itemPages;
    private final RequestTimers timers;
    private final ApiRelay relay;
    private final Counter relayed;

    /** @param relayed counts the requests handed to the servlet container */
    FrontDoorHandler(TileAnswers answers, FrontDoorItemPages itemPages, RequestTimers timers, ApiRelay relay,
                     Counter relayed) {
        this.answers = answers;
        this.itemPages = itemPages;
        this.timers = timers;
        this.relay = relay;
        this.relayed = relayed;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        long start = System.nanoTime();
        if (!request.containsHeader(HttpHeaders.HOST) && isHttp11(request, context)) {
            // RFC 9112, 3.2: refused as the servlet container refuses it, before anything names a host for it
            FrontDoorProblems.write(response, HttpStatus.BAD_REQUEST, "HTTP/1.1 请求须带 Host 头",
                    "an HTTP/1.1 request must carry a Host header");
            return;
        }
        if (headSize(request) > FrontDoor.MAX_HEAD) {
            // refused here, in the container's words: relayed, the container would close the connection on it
            FrontDoorProblems.write(response, HttpStatus.BAD_REQUEST,
                    "请求行与请求头合计超过 " + FrontDoor.MAX_HEAD / 1024 + " KB，请缩短网址或减少请求头",
                    "the request line and headers exceed " + FrontDoor.MAX_HEAD / 1024 + " KB together; "
                            + "shorten the URL or send fewer headers");
            return;
        }
        TileRoute route = answers.mayAnswerWithoutTheChain(request, HttpCoreRequestView.INSTANCE)
                && !request.containsHeader("Forwarded") && !request.containsHeader("X-Forwarded-Ssl")
                ? answers.route(request.getPath()) : null;
        if (route == null) {
            if (!itemPages.answer(request, response)) {
                relay(request, response, context);
            }
            return;
        }
        TileReply reply;
        try {
            reply = answers.reply(route, request, HttpCoreRequestView.INSTANCE);
        } catch (RuntimeException e) {
            Optional<ProblemDocument> database = DatabaseProblems.of(e);
            if (database.isPresent()) {
                answerDatabaseFailure(route, database.get(), e, request, response, start);
            } else {
                // the container meets the same failure and renders it, and counts it
                relay(request, response, context);
            }
            return;
        }
        response.setCode(reply.status());
        answers.writeHeaders(reply, TileAnswers.Door.FRONT_DOOR, response, HEADERS);
        addHstsOverHttps(request, response);
        byte[] body = reply.body();
        if (body != null) {
            // the content type is among the headers written; HttpCore adds the length
            response.setEntity(new ByteArrayEntity(body, null));
        }
        timers.record(route.pattern(), reply.status(), null, System.nanoTime() - start);
    }

    /**
     * The database failed the tile: answered here, as Spring MVC would answer it, because the
     * container, asked again, would wait for the database as long again.
     */
    private void answerDatabaseFailure(TileRoute route, ProblemDocument problem, RuntimeException failure,
                                       ClassicHttpRequest request, ClassicHttpResponse response, long start) {
        log.warn("The store is unreachable or too slow answering tile {}: {}", route.pattern(), failure.getMessage());
        FrontDoorProblems.write(response, problem.asSpringMvcAnswers(pathOf(request)));
        answers.writeSecurityHeaders(response, HEADERS);
        addHstsOverHttps(request, response);
        timers.record(route.pattern(), problem.status(), failure, System.nanoTime() - start);
    }

    private static void addHstsOverHttps(ClassicHttpRequest request, ClassicHttpResponse response) {
        if (overHttps(request)) {
            response.addHeader("Strict-Transport-Security", HSTS);
        }
    }

    /** The request's path without its query, as Spring MVC names the instance of a problem. */
    private static String pathOf(ClassicHttpRequest request) {
        String target = request.getPath();
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** About the bytes of the request's head: its request line and header lines. */
    private static int headSize(ClassicHttpRequest request) {
        int size = request.getMethod().length() + request.getPath().length() + 12;
        for (Header header : request.getHeaders()) {
            size += header.getName().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean isHttp11(ClassicHttpRequest request, HttpContext context) {
        ProtocolVersion version = request.getVersion() != null ? request.getVersion()
                : HttpCoreContext.cast(context).getProtocolVersion();
        return version != null && version.greaterEquals(HttpVersion.HTTP_1_1);
    }

    /** Whether a proxy in front says the client asked over HTTPS (its first value: the client's side). */
    private static boolean overHttps(ClassicHttpRequest request) {
        Header proto = request.getFirstHeader("X-Forwarded-Proto");
        return proto != null && proto.getValue().split(",")[0].trim().equalsIgnoreCase("https");
    }

    private void relay(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        relayed.increment();
        relay.relay(request, response, context);
    }

    /** An HttpCore request as the tile answers read it. */
    private enum HttpCoreRequestView implements TileAnswers.RequestView<ClassicHttpRequest> {

        INSTANCE;

        /** The request target's path with its query, if any. */
        @Override
        public String path(ClassicHttpRequest request) {
            return request.getPath();
        }

        @Override
        public String method(ClassicHttpRequest request) {
            return request.getMethod();
        }

        @Override
        public boolean hasQuery(ClassicHttpRequest request) {
            return request.getPath() != null && request.getPath().indexOf('?') >= 0;
        }

        @Override
        public boolean hasHeader(ClassicHttpRequest request, String name) {
            return request.containsHeader(name);
        }

        @Override
        public List<String> headers(ClassicHttpRequest request, String name) {
            Header[] headers = request.getHeaders(name);
            if (headers.length == 0) {
                return List.of();
            }
            String[] values = new String[headers.length];
            for (int i = 0; i < headers.length; i++) {
                values[i] = headers[i].getValue();
            }
            return Arrays.asList(values);
        }
    }
}
