package org.changchun.layout.http;

/**
 * The names the OpenAPI document gives the three ways to sign in, for {@link ForEditors},
 * {@link ForAdmins} and the document's components. The rules themselves are enforced by
 * {@code security/SecurityConfiguration}; these names only document them.
 */
public final class SecuritySchemes {

    /** HTTP Basic with an account's name and password: scripts, GDAL. */
    public static final String BASIC = "basic";
    /** An API key in the {@code X-API-Key} header: machine clients. */
    public static final String API_KEY = "apiKey";
    /** The session cookie of a signed-in page ({@code POST /api/session}). */
    public static final String SESSION = "session";
    /** The CSRF token a signed-in page sends with each write, with its session cookie. */
    public static final String XSRF = "xsrf";

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String SESSION_COOKIE = "JSESSIONID";
    public static final String XSRF_HEADER = "X-XSRF-TOKEN";

    private SecuritySchemes() {
    }
}
