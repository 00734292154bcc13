package org.changchun.layout.history;

import java.time.OffsetDateTime;

/**
 * A successful write request the audit trail attributes to a layer: a feature edit or a restore.
 *
 * @param actor  the account that made it
 * @param detail what the audit trail noted besides the request, such as {@code created /ogc/...}
 */
public record LayerWrite(OffsetDateTime at, String actor, String method, String path, int status, String detail) {
}
