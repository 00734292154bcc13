package org.changchun.layout.store.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.changchun.layout.store.jdbc.ChangeListeners;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code LISTEN/NOTIFY} channel for layers changed by any process using
 * the database (every replica of the service announces its writes there), so caches of every
 * replica learn of a change as soon as it commits. A lost connection is re-established; callers
 * keep a periodic refresh for what may be missed meanwhile.
 */
public final class PostgisChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgisChangeFeed.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final ChangeListeners listeners;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param enabled whether the store is PostGIS; for any other store the feed stays idle
     */
    public PostgisChangeFeed(DataSource dataSource, ChangeListeners listeners, boolean enabled) {
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.enabled = enabled;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "postgis-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PostgisDialect.CHANGE_CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            listeners.fire(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the layer change feed ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
