package org.changchun.layout.security;

import java.time.OffsetDateTime;

/** One write request: who made it, what it was, when, and how it ended. */
public record AuditEvent(long id, OffsetDateTime at, String actor, String method, String path, int status,
                         String detail) {
}
