package org.changchun.layout.store;

/** JDBC addresses as logs and health may show them. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** A JDBC URL's parameters may hold a password; the address before them is what a reader needs. */
    public static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
