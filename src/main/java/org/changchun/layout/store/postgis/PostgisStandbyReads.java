package org.changchun.layout.store.postgis;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.changchun.layout.store.DatabaseFailures;
import org.changchun.layout.store.StandbyReads;
import org.changchun.layout.store.StandbyStatus;
import org.changchun.layout.store.jdbc.ReadRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request reads on a PostgreSQL hot standby (streaming replication), writes and all else on the
 * primary.
 *
 * <p>A read goes to the standby only once it has replayed the primary's WAL up to the position
 * this process last saw there: after every catalog read, every write and every change it heard
 * of, {@link #sawPrimary()} notes the primary's WAL insert position. So a tile rendered for a
 * layer's new data version is never rendered from older rows (and cached under the new version),
 * and an editor reads their own write at once. The standby's replay position is asked only while
 * it is behind, at most every {@link #POLL_EVERY}; once it has caught up, nothing is asked.
 *
 * <p>A standby that does not answer, or that cancels a read in conflict with its replay, costs
 * no error: the read runs again on the primary. An unreachable standby is logged once and tried
 * again every {@link #RETRY_AFTER} in the background, so no request waits for it meanwhile.
 */
public final class PostgisStandbyReads implements ReadRoute, StandbyReads, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgisStandbyReads.class);
    static final Duration POLL_EVERY = Duration.ofMillis(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    /** WAL positions as byte offsets, comparable as numbers. */
    private static final String PRIMARY_POSITION = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";
    private static final String REPLAYED_POSITION = "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";
    /** SQLState of a standby query cancelled because it conflicts with what the standby replays. */
    private static final String RECOVERY_CONFLICT = "40001";

    private final JdbcTemplate primary;
    private final JdbcTemplate standby;
    private final JdbcTemplate probe;
    private final DataSource standbyDataSource;
    private final String url;
    private final Counter onStandby;
    private final Counter onPrimary;
    /** The primary's WAL position reads must have seen, the latest this process noted. */
    private final AtomicLong required = new AtomicLong();
    private final ReentrantLock polling = new ReentrantLock();
    /** The standby's replay position when last asked (-1: unknown), and when that was. */
    private volatile long replayed = -1;
    private volatile long polledAt = System.nanoTime() - POLL_EVERY.toNanos();
    private volatile boolean down;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "standby-retry");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param primary           the primary, its reads bounded by the statement timeout
     * @param standbyDataSource the standby's pool; closed with this
     * @param url               the standby's address, for logs and health
     */
    public PostgisStandbyReads(DataSource primary, DataSource standbyDataSource, String url, Duration statementTimeout,
                               MeterRegistry meters) {
        this.primary = ReadRoute.bounded(primary, statementTimeout);
        this.standby = ReadRoute.bounded(standbyDataSource, statementTimeout);
        this.probe = ReadRoute.bounded(standbyDataSource, Duration.ofSeconds(1));
        this.standbyDataSource = standbyDataSource;
        this.url = url;
        this.onStandby = reads(meters, "standby");
        this.onPrimary = reads(meters, "primary");
        long retryMillis = RETRY_AFTER.toMillis();
        retries.scheduleWithFixedDelay(this::retryIfDown, retryMillis, retryMillis, TimeUnit.MILLISECONDS);
    }

    private static Counter reads(MeterRegistry meters, String database) {
        return Counter.builder("plan.store.reads").tag("database", database)
                .description("reads made for requests (items, identify, coverage, tiles), by the database that answered")
                .register(meters);
    }

    @Override
    public <T> T read(Function<JdbcTemplate, T> query) {
        if (standbyCaughtUp()) {
            try {
                T answer = query.apply(standby);
                onStandby.increment();
                return answer;
            } catch (DataAccessException e) {
                if (DatabaseFailures.unavailable(e)) {
                    wentDown(e);
                } else if (!conflictsWithReplay(e)) {
                    throw e;
                }
            }
        }
        T answer = query.apply(primary);
        onPrimary.increment();
        return answer;
    }

    @Override
    public void sawPrimary() {
        Long position = primary.queryForObject(PRIMARY_POSITION, Long.class);
        if (position != null) {
            required.accumulateAndGet(position, Math::max);
        }
    }

    @Override
    public Optional<StandbyStatus> status() {
        StandbyStatus.State state = standbyCaughtUp() ? StandbyStatus.State.CURRENT
                : down ? StandbyStatus.State.DOWN : StandbyStatus.State.BEHIND;
        return Optional.of(new StandbyStatus(url, state, (long) onStandby.count(), (long) onPrimary.count()));
    }

    /** Whether the standby has replayed all this process has seen; asks it only when it may have caught up meanwhile. */
    private boolean standbyCaughtUp() {
        long needed = required.get();
        if (down) {
            return false;
        }
        if (replayed >= needed) {
            return true;
        }
        // one thread asks; meanwhile the others read on the primary rather than wait
        if (System.nanoTime() - polledAt < POLL_EVERY.toNanos() || !polling.tryLock()) {
            return false;
        }
        try {
            poll();
        } finally {
            polling.unlock();
        }
        return !down && replayed >= needed;
    }

    private void retryIfDown() {
        if (down) {
            polling.lock();
            try {
                poll();
            } finally {
                polling.unlock();
            }
        }
    }

    private void poll() {
        try {
            Long position = probe.queryForObject(REPLAYED_POSITION, Long.class);
            if (position == null) {
                throw new IllegalStateException("不是备库（未在恢复中）/ not a standby (not in recovery)");
            }
            replayed = position;
            polledAt = System.nanoTime();
            if (down) {
                down = false;
                log.info("读备库已恢复，读取重新交给它 / The read standby {} answers again; reads go back to it", url);
            }
        } catch (DataAccessException | IllegalStateException e) {
            wentDown(e);
        }
    }

    private synchronized void wentDown(RuntimeException e) {
        replayed = -1;
        if (!down) {
            down = true;
            // its pooled connections are dead too: let the pool drop them now, not warn of each at its next use
            if (standbyDataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            log.warn("读备库不可用，读取改由主库回答，每 {} 秒重试 / The read standby {} is unreachable ({}); reads go to "
                    + "the primary, retrying every {} s", RETRY_AFTER.toSeconds(), url, e.getMessage(), RETRY_AFTER.toSeconds());
        }
    }

    private static boolean conflictsWithReplay(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException sql && RECOVERY_CONFLICT.equals(sql.getSQLState());
    }

    @Override
    public void close() throws Exception {
        retries.shutdownNow();
        if (standbyDataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
