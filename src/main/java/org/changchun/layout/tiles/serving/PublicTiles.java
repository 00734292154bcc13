package org.changchun.layout.tiles.serving;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.changchun.layout.http.RequestTimers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers anonymous tile requests before Spring Security and Spring MVC. A map asks for dozens of
 * tiles at once, and the two cost a tile about as much CPU as PostGIS takes to encode a district
 * tile (mostly matching the path against every route) and many times what a cache hit costs
 * (docs/benchmarks.md, "Findings"). Everything else goes down the full chain, unchanged: reading that needs a sign-in, a
 * request with credentials (a wrong password or a dead API key must still get its 401), a
 * cross-origin request (CORS), anything this filter does not recognise as a tile address.
 *
 * <p>The answer is the controller's, decided and headed by the same {@link TileAnswers}; the
 * security headers are written by Spring Security's own header filter, taken from its chain, so a
 * tile over HTTPS gets HSTS like any other answer. A failure is rendered by the same exception
 * handlers into the same problem document ({@code TilesTest} and {@code DatabaseOutageTest} compare
 * the two paths). Request metrics count these answers under the tile route, in the same timers as
 * Spring's request observation, which this filter runs before ({@link RequestTimers}).
 */
@Component
@Order(PublicTiles.ORDER)
@ConditionalOnWebApplication
class PublicTiles extends OncePerRequestFilter {

    /** First: before request observation (its cost per request is a quarter of a cache hit's) and Spring Security. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final TileAnswers.HeaderWriter<HttpServletResponse> HEADERS = HttpServletResponse::addHeader;

    private final TileAnswers answers;
    private final HandlerExceptionResolver errors;
    private final RequestTimers timers;
    /** Spring Security's header writers as its chain runs them (nothing to add when that chain writes none). */
    private final Filter securityHeaders;

    PublicTiles(TileAnswers answers, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
                MeterRegistry meters, SecurityFilterChain securityChain) {
        this.answers = answers;
        this.errors = errors;
        this.timers = new RequestTimers(meters);
        this.securityHeaders = securityChain.getFilters().stream().filter(HeaderWriterFilter.class::isInstance).findFirst()
                .orElse((request, response, next) -> next.doFilter(request, response));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !answers.mayAnswerWithoutTheChain(request, ServletRequestView.INSTANCE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        TileRoute route = answers.route(ServletRequestView.INSTANCE.path(request));
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

    private void answer(TileRoute route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        TileReply reply = answers.reply(route, request, ServletRequestView.INSTANCE);
        response.setStatus(reply.status());
        answers.writeHeaders(reply, TileAnswers.Door.BEFORE_THE_CHAIN, response, HEADERS);
        byte[] body = reply.body();
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
