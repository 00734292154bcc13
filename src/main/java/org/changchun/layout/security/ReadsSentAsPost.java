package org.changchun.layout.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Questions that send a geometry in the body, and so come as POST, but change nothing: coverage
 * questions about a drawn polygon, compliance checks of a site and map prints. They are read like GETs (open
 * when reading is), need no CSRF token and are not audited as writes.
 */
final class ReadsSentAsPost {

    /** Path patterns, for Spring Security's matchers. */
    static final String[] PATTERNS = {"/api/coverage/**", "/api/compliance/check", "/api/compliance/check/**",
        "/api/maps/print"};

    private ReadsSentAsPost() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/coverage/") || path.equals("/api/compliance/check")
                || path.startsWith("/api/compliance/check/") || path.equals("/api/maps/print");
    }
}
