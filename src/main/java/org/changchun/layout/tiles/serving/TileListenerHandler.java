package org.changchun.layout.tiles.serving;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The tile port's requests: an anonymous tile read is answered here, as {@link PublicTiles}
 * answers it on the API port (the same {@link TileAnswers}, the same request timers); everything
 * else is relayed to the API port ({@link ApiRelay}), which then answers it exactly as if it had
 * been asked, failures of a tile read included.
 */
final class TileListenerHandler implements HttpRequestHandler {

    private static final TileAnswers.HeaderWriter<ClassicHttpResponse> HEADERS = ClassicHttpResponse::addHeader;

    private final TileAnswers answers;
    private final RequestTimers timers;
    private final ApiRelay relay;
    private final Counter relayed;

    /** @param relayed counts the requests handed to the API port */
    TileListenerHandler(TileAnswers answers, RequestTimers timers, ApiRelay relay, Counter relayed) {
        this.answers = answers;
        this.timers = timers;
        this.relay = relay;
        this.relayed = relayed;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        long start = System.nanoTime();
        TileRoute route = answers.mayAnswerWithoutTheChain(request, HttpCoreRequestView.INSTANCE)
                ? answers.route(request.getPath()) : null;
        if (route == null) {
            relay(request, response, context);
            return;
        }
        TileReply reply;
        try {
            reply = answers.reply(route, request, HttpCoreRequestView.INSTANCE);
        } catch (RuntimeException e) {
            // the API port meets the same failure and renders it (problem document, Retry-After), and counts it
            relay(request, response, context);
            return;
        }
        response.setCode(reply.status());
        answers.writeHeaders(reply, TileAnswers.Door.TILE_PORT, response, HEADERS);
        byte[] body = reply.body();
        if (body != null) {
            // the content type is among the headers written; HttpCore adds the length
            response.setEntity(new ByteArrayEntity(body, null));
        }
        timers.record(route.pattern(), reply.status(), null, System.nanoTime() - start);
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
