package org.changchun.layout.tiles;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.changchun.layout.store.StoreBusyException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Bounds how many tiles are encoded at once ({@code plan.tiles.max-concurrent-encodes}); the
 * others wait their turn, first come first served.
 *
 * <p>Why: an encode is CPU work (PostgreSQL's or the JVM's), and a few tiles of a big layer cost a
 * hundred times the median. With sixteen clients on two cores and every request encoding at once
 * (up to the connection pool's ten), such a tile shared its core with nine others and took a
 * second (p99 0.96 s for the tile benchmark's projects, 1.03 s for the whole plan); with three at
 * once it runs nearly alone, the cheap tiles queue behind it for milliseconds, and the p99 fell to
 * 0.15–0.29 s in two runs while the database did the same tiles in less CPU. docs/architecture.md has
 * the figures for other bounds.
 */
final class EncodeSlots {

    private final Semaphore slots;
    private final int size;
    private final Duration maxWait;

    /**
     * @param size    encodes at once
     * @param maxWait the longest a tile waits for its turn; past it, the answer is that the service is
     *                busy (503, {@link StoreBusyException})
     */
    EncodeSlots(int size, Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one tile must be encoded at a time, not " + size);
        }
        this.slots = new Semaphore(size, true);
        this.size = size;
        this.maxWait = maxWait;
    }

    /** As many as the processors this JVM may use, plus one to keep them busy between a tile's statements. */
    static int forProcessors() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    <T> T encode(Supplier<T> encoder) {
        acquire();
        try {
            return encoder.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreBusyException("no turn to encode a tile within " + maxWait.toSeconds()
                        + " s: " + size + " tiles are encoded at once (plan.tiles.max-concurrent-encodes) and "
                        + slots.getQueueLength() + " more wait");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // interrupted: the service is stopping, not busy
            throw new DataAccessResourceFailureException("interrupted while waiting to encode a tile", e);
        }
    }

    /** Tiles waiting for their turn now. */
    int waiting() {
        return slots.getQueueLength();
    }
}
