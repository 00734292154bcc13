package org.changchun.layout.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.problem.ProblemDocument;
import org.changchun.layout.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code plan.limits.max-body} before they are read, so a huge
 * GeoJSON cannot exhaust memory. Uploads (multipart) have their own, larger bound.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final LimitsProperties limits;

    BodySizeLimitFilter(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.startsWith(MediaTypes.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limits.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            String zh = "请求体超过上限（" + limits.maxBody().toMegabytes() + " MB）";
            String en = "the request body is larger than plan.limits.max-body (" + limits.maxBody().toMegabytes()
                    + " MB); send fewer features per request, or import a shapefile";
            // this refusal has never carried detail; its body stays as clients have seen it
            ProblemResponses.write(response, ProblemDocument.of(HttpStatus.PAYLOAD_TOO_LARGE, zh, en).withoutDetail());
            return;
        }
        chain.doFilter(request, response);
    }
}
