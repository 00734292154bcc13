package org.changchun.layout.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "store": which store, its version, whether it answers and how
 * fast. A load balancer's probe must get its answer in time even when the database hangs or every
 * pooled connection waits for it, so a store that does not answer within {@link #LIMIT} is DOWN.
 * A read standby, when there is one, is reported beside it: its being down or behind does not make
 * the store DOWN, since the primary then answers the reads.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    static final Duration LIMIT = Duration.ofSeconds(3);

    private final FeatureStore store;
    private final StandbyReads standby;
    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "store-health");
        thread.setDaemon(true);
        return thread;
    });

    StoreHealthIndicator(FeatureStore store, StandbyReads standby) {
        super("存储不可用 / store unreachable");
        this.store = store;
        this.standby = standby;
    }

    private record Answer(StoreDescription description, int layers, Optional<StandbyStatus> standby) {
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Answer> check = CompletableFuture.supplyAsync(
                () -> {
                    // before the catalog read below, after which a standby is briefly behind by definition
                    Optional<StandbyStatus> standbyStatus = standby.status();
                    return new Answer(store.describe(), store.layers().size(), standbyStatus);
                }, checks);
        try {
            Answer answer = check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            builder.up()
                    .withDetail("kind", answer.description().kind())
                    .withDetail("version", answer.description().version())
                    .withDetail("layers", answer.layers())
                    .withDetail("responseMillis", (System.nanoTime() - started) / 1_000_000);
            answer.standby().ifPresent(status -> builder.withDetail("standby", Map.of("url", status.url(),
                    "state", status.state(), "readsOnStandby", status.readsOnStandby(),
                    "readsOnPrimary", status.readsOnPrimary())));
        } catch (TimeoutException e) {
            check.cancel(true);
            builder.down().withDetail("error", LIMIT.toSeconds() + " 秒内无应答 / no answer within "
                    + LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
