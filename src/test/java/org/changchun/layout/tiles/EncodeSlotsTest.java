package org.changchun.layout.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.changchun.layout.problem.DatabaseProblems;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class EncodeSlotsTest {

    @Test
    void noMoreTilesAreEncodedAtOnceThanThereAreSlots() throws Exception {
        EncodeSlots slots = new EncodeSlots(2, Duration.ofSeconds(30));
        AtomicInteger encoding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> tiles = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int tile = i;
                tiles.add(clients.submit(() -> slots.encode(() -> {
                    most.accumulateAndGet(encoding.incrementAndGet(), Math::max);
                    await(release);
                    encoding.decrementAndGet();
                    return tile;
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slots.waiting() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(slots.waiting()).isEqualTo(4);
            assertThat(encoding).hasValue(2);

            release.countDown();
            for (int i = 0; i < tiles.size(); i++) {
                assertThat(tiles.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(most).hasValue(2);
            assertThat(slots.waiting()).isZero();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aSlotIsGivenBackWhenAnEncodeFails() {
        EncodeSlots slots = new EncodeSlots(1, Duration.ofMillis(200));
        assertThatThrownBy(() -> slots.encode(() -> {
            throw new IllegalStateException("the statement failed");
        })).hasMessage("the statement failed");

        assertThat(slots.encode(() -> "next")).isEqualTo("next");
    }

    @Test
    void aTileThatWaitsLongerThanAStatementMayRunIsAnsweredAsAStoreTooBusy() throws Exception {
        EncodeSlots slots = new EncodeSlots(1, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch holding = new CountDownLatch(1);
            holder.submit(() -> slots.encode(() -> {
                holding.countDown();
                await(release);
                return null;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> slots.encode(() -> "never"))
                    .hasMessageContaining("plan.tiles.max-concurrent-encodes")
                    .satisfies(failure -> assertThat(DatabaseProblems.of(failure)).hasValueSatisfying(problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
                        assertThat(problem.detail()).as("busy, not unreachable")
                                .contains("服务繁忙", "the service is busy").doesNotContain("unreachable");
                    }));
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    @Test
    void thereIsAlwaysASlot() {
        assertThatThrownBy(() -> new EncodeSlots(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(EncodeSlots.forProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
