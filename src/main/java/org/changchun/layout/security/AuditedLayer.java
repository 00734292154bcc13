package org.changchun.layout.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layer a write request changes, read from its path, so the audit trail can tell a layer's
 * timeline its edits and restores: feature edits ({@code /ogc/collections/{id}/items...}) and layer
 * operations ({@code /api/layers/{id}/...}, such as a restore). The Flyway migration V13_2 reads the
 * paths audited before with the same expressions.
 */
final class AuditedLayer {

    private static final List<Pattern> PATHS = List.of(
            Pattern.compile("^/ogc/collections/([a-z][a-z0-9-]*)/items(/|$)"),
            Pattern.compile("^/api/layers/([a-z][a-z0-9-]*)/"));

    private AuditedLayer() {
    }

    /** @param path the request path, without its query */
    static Optional<String> of(String path) {
        for (Pattern pattern : PATHS) {
            Matcher matcher = pattern.matcher(path);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
