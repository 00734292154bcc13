package org.changchun.layout.tiles.serving;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;

/**
 * Whether a request's {@code If-None-Match} names the tile's current entity tag, as RFC 9110
 * (13.1.2) has it: the header may be repeated, each a list of tags, or {@code *}; comparison is
 * weak, so a cache that weakened the tag (a compressing proxy adds {@code W/}) still revalidates.
 * Spring's {@code ServletWebRequest.checkNotModified} was tried in its place: it does not answer
 * {@code If-None-Match: *} with 304 for a tile that exists, which RFC 9110 requires.
 */
final class IfNoneMatch {

    private IfNoneMatch() {
    }

    static boolean matches(HttpServletRequest request, String etag) {
        return matches(headers(request.getHeaders(HttpHeaders.IF_NONE_MATCH)), etag);
    }

    /** @param values every {@code If-None-Match} header of the request, in order (none: empty) */
    static boolean matches(Iterable<String> values, String etag) {
        ETag current = ETag.create(etag);
        for (String value : values) {
            for (ETag named : ETag.parse(value)) {
                if (named.isWildcard() || named.compare(current, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A servlet container may withhold the headers (null); that reads as none sent. */
    private static List<String> headers(Enumeration<String> values) {
        return values == null ? List.of() : Collections.list(values);
    }
}
