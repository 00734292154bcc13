package org.changchun.layout.security;

/** The roles the service knows. */
public final class Roles {

    /** GIS staff: import layers, edit projects, restore versions. */
    public static final String EDITOR = "EDITOR";
    /** Manages accounts and API keys, reads the audit trail; can also do what editors do. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
