package org.changchun.layout.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A person who can sign in.
 *
 * @param passwordHash the password as Spring Security's delegating encoder stores it, e.g. {@code {bcrypt}$2a$…}
 * @param roles        e.g. EDITOR, ADMIN
 */
public record Account(String username, String passwordHash, Set<String> roles, boolean enabled, OffsetDateTime createdAt) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
