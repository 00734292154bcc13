package org.changchun.layout.ogc;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the links of a page of items point: the request's own URL in another format or at
 * another offset, and the service's other OGC resources. In the servlet container that is the
 * current request ({@link #CURRENT_REQUEST}, forwarded headers applied); a door that answers
 * without the container names the URL the client asked ({@link #of}).
 */
public interface PageAddress {

    /** The request the servlet container is answering. */
    PageAddress CURRENT_REQUEST = new PageAddress() {
        @Override
        public String ogc(String path) {
            return OgcLinks.ogc(path);
        }

        @Override
        public String current(String f, String parameter, Object value) {
            return OgcLinks.current(f, parameter, value);
        }
    };

    /** A resource under {@code /ogc}, absolute. */
    String ogc(String path);

    /** The request's URL in format {@code f}, with one query parameter replaced (or added). */
    String current(String f, String parameter, Object value);

    /**
     * A request asked for at this URL.
     *
     * @param base the scheme, host and port the client asked, e.g. {@code http://localhost:8080}
     * @param pathAndQuery the request target, percent-encoded as it was sent
     */
    static PageAddress of(String base, String pathAndQuery) {
        String url = base + pathAndQuery;
        return new PageAddress() {
            @Override
            public String ogc(String path) {
                return base + "/ogc" + path;
            }

            @Override
            public String current(String f, String parameter, Object value) {
                return OgcLinks.replacing(UriComponentsBuilder.fromUriString(url), f, parameter, value);
            }
        };
    }
}
