package org.changchun.layout.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles the service knows. */
public final class Roles {

    /** GIS staff: import layers, edit projects, restore versions. */
    public static final String EDITOR = "EDITOR";
    /** Manages accounts and API keys, reads the audit trail; can also do what editors do. */
    public static final String ADMIN = "ADMIN";

    private static final String PREFIX = "ROLE_";

    private Roles() {
    }

    /**
     * The roles an authentication holds, without Spring's prefix, sorted. Other authorities (Spring
     * Security 7 adds factors such as {@code FACTOR_PASSWORD}) are not roles and are left out.
     */
    public static List<String> of(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX))
                .map(authority -> authority.substring(PREFIX.length())).sorted().toList();
    }
}
