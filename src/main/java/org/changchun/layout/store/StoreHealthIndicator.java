package org.changchun.layout.store;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "store": which store, its version, whether it answers and how fast. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final FeatureStore store;

    StoreHealthIndicator(FeatureStore store) {
        super("存储不可用 / store unreachable");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long started = System.nanoTime();
        StoreDescription description = store.describe();
        int layers = store.layers().size();
        builder.up()
                .withDetail("kind", description.kind())
                .withDetail("version", description.version())
                .withDetail("layers", layers)
                .withDetail("responseMillis", (System.nanoTime() - started) / 1_000_000);
    }
}
