package org.changchun.layout.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One write request: who made it, what it was, when, and how it ended.
 *
 * @param layer the layer the request changed, when it names one (a feature edit, a restore)
 */
public record AuditEvent(long id, OffsetDateTime at, String actor, String method, String path, int status,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String layer) {
}
