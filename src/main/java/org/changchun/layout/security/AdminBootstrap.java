package org.changchun.layout.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code plan.security.bootstrap-admin} when the store has none, so
 * a new installation can be managed without any built-in password.
 */
@Component
class AdminBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SecurityProperties properties;
    private final AccessStore store;
    private final PasswordEncoder encoder;

    AdminBootstrap(SecurityProperties properties, AccessStore store, PasswordEncoder encoder) {
        this.properties = properties;
        this.store = store;
        this.encoder = encoder;
    }

    @Override
    public void afterPropertiesSet() {
        SecurityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (admin == null || store.hasEnabledAdmin()) {
            return;
        }
        String hash = admin.password().matches("\\{[a-z0-9@-]+\\}.+") ? admin.password() : encoder.encode(admin.password());
        store.saveAccount(new Account(admin.name(), hash, Set.of(Roles.ADMIN), true, OffsetDateTime.now(ZoneOffset.UTC)));
        log.info("Created the first admin account {} from plan.security.bootstrap-admin", admin.name());
    }
}
