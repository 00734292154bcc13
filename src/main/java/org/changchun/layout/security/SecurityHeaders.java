package org.changchun.layout.security;

import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers Spring Security's header filter writes ({@link SecurityConfiguration}), named once for
 * the doors that answer without that filter (the front door's tiles and pages of items), so what they
 * write cannot drift from what the filter writes.
 */
public final class SecurityHeaders {

    /** The Referrer-Policy of every answer but a tile's. */
    public static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    private static final String[] PLAIN_HTTP = {
        "X-Content-Type-Options", "nosniff",
        "X-XSS-Protection", "0",
        "X-Frame-Options", "DENY"};

    private SecurityHeaders() {
    }

    /** Name, value, name, value… of the headers the filter writes on every answer over plain HTTP, in its order. */
    public static String[] plainHttp() {
        return PLAIN_HTTP.clone();
    }
}
