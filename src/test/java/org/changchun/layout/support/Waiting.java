package org.changchun.layout.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread makes true, and fails the test when it does not come in time. */
public final class Waiting {

    private Waiting() {
    }

    public static void until(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s", limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
