package org.changchun.layout.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request that may change data (POST, PUT, PATCH, DELETE), refused ones included:
 * who made it, what it was, when, and its status, with what it did in words where the controller
 * said so ({@link AuditDetail}), what it created, and the layer it changes ({@link AuditedLayer}) for
 * the layer's timeline. Coverage questions, compliance checks and map prints, which are reads sent as
 * POST ({@link ReadsSentAsPost}), are not recorded.
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AccessStore store;

    AuditFilter(AccessStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || ReadsSentAsPost.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            String actor = who == null || !who.isAuthenticated() || "anonymousUser".equals(who.getName())
                    ? null : who.getName();
            String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            // what a write created (a feature's address) is where the answer points: its id is in no request path
            String created = response.getStatus() == HttpServletResponse.SC_CREATED
                    ? response.getHeader(HttpHeaders.LOCATION) : null;
            try {
                String detail = AuditDetail.of(request);
                if (created != null) {
                    detail = (detail == null ? "" : detail + "; ") + "created " + created;
                }
                store.audit(actor, request.getMethod(), path, response.getStatus(), detail,
                        AuditedLayer.of(request.getRequestURI()).orElse(null));
            } catch (RuntimeException e) {
                log.error("Could not record {} {} by {} in the audit trail", request.getMethod(), path, actor, e);
            }
        }
    }
}
