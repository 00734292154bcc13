package org.changchun.layout.ogc;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs of OGC resources for the request being answered, so links work behind a proxy
 * (with {@code server.forward-headers-strategy}) and from any host name.
 */
final class OgcLinks {

    private OgcLinks() {
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    static String ogc(String path) {
        return base() + "/ogc" + path;
    }

    /** The current request's URL in format {@code f}, with one query parameter replaced (or added). */
    static String current(String f, String parameter, Object value) {
        return replacing(ServletUriComponentsBuilder.fromCurrentRequest(), f, parameter, value);
    }

    /** The URL of a request in format {@code f}, with one query parameter replaced (or added). */
    static String replacing(UriComponentsBuilder request, String f, String parameter, Object value) {
        UriComponentsBuilder builder = request.replaceQueryParam("f", f);
        if (parameter != null) {
            builder.replaceQueryParam(parameter, value);
        }
        try {
            // the request's query string arrives percent-encoded already
            return builder.build(true).toUriString();
        } catch (IllegalArgumentException unencodedCharacters) {
            return builder.build().encode().toUriString();
        }
    }
}
