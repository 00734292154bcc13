package org.changchun.layout.tiles.serving;

import org.springframework.http.ETag;

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
}
