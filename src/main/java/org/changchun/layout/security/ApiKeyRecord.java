package org.changchun.layout.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An API key for a machine client. Only a hash of the key is stored; {@code id} is the key's
 * public prefix, by which it is listed and revoked.
 */
public record ApiKeyRecord(String id, String keyHash, String name, Set<String> roles, String createdBy,
                           OffsetDateTime createdAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

    public ApiKeyRecord {
        roles = Set.copyOf(roles);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
