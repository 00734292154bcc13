package org.changchun.layout.security;

import java.util.Set;
import org.changchun.layout.store.StoreKind;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on PostGIS (the production store) with a password anyone could guess: a
 * default database password, a configured account with a plain-text {@code {noop}} password, or a
 * weak bootstrap admin password. {@code plan.security.allow-insecure-defaults=true} allows it for
 * local trials and tests; the embedded store, a single-user file on one machine, is not checked.
 */
@Component
class InsecureDefaultsGuard implements InitializingBean {

    private static final Set<String> KNOWN_PASSWORDS = Set.of("", "postgres", "changchun", "changchun-local",
            "password", "admin", "123456", "changeme");

    private final StoreKind storeKind;
    private final SecurityProperties properties;
    private final Environment environment;

    InsecureDefaultsGuard(StoreKind storeKind, SecurityProperties properties, Environment environment) {
        this.storeKind = storeKind;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (storeKind != StoreKind.POSTGIS || properties.allowInsecureDefaults()) {
            return;
        }
        String databasePassword = environment.getProperty("spring.datasource.password", "");
        if (KNOWN_PASSWORDS.contains(databasePassword)) {
            throw new InsecureConfigurationException("the database password is a known default (or empty): set "
                    + "PLAN_DB_PASSWORD (spring.datasource.password) to a secret");
        }
        for (SecurityProperties.User user : properties.users()) {
            if (user.password().startsWith("{noop}")) {
                throw new InsecureConfigurationException("account " + user.name() + " in plan.security.users has a "
                        + "plain-text {noop} password: store a {bcrypt} hash, or create accounts through /api/admin");
            }
        }
        SecurityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin != null && (KNOWN_PASSWORDS.contains(admin.password()) || admin.password().length() < 12)) {
            throw new InsecureConfigurationException("plan.security.bootstrap-admin has a weak password: use at "
                    + "least 12 characters that are not a known default");
        }
    }
}
