package org.changchun.layout.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.changchun.layout.history.LayerHistory;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.StoreKind;
import org.changchun.layout.store.jdbc.ChangeListeners;
import org.changchun.layout.store.jdbc.JdbcFeatureStore;
import org.changchun.layout.store.jdbc.JdbcLayerHistory;
import org.changchun.layout.store.jdbc.ReadRoute;
import org.changchun.layout.store.wiring.SpatialDialects;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/** Fresh, migrated stores of either kind, built the way the application builds them. */
public final class TestStores {

    /** A store and its plumbing, for tests that also look underneath it. */
    public record StoreUnderTest(StoreKind kind, FeatureStore store, JdbcTemplate jdbc, HikariDataSource dataSource)
            implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** The H2 folders made by {@link #h2Url()}, removed when the tests' JVM ends (deleteOnExit skips a folder with files). */
    private static final List<Path> H2_FOLDERS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> H2_FOLDERS.forEach(folder -> {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                System.err.println("could not remove " + folder + ": " + e);
            }
        }), "remove-test-h2-folders"));
    }

    private TestStores() {
    }

    public static StoreUnderTest create(String kind) {
        return create(kind, 2, Duration.ofMinutes(10));
    }

    /**
     * From now on every statement of the store runs on the same connection, for tests that look
     * at the session (migrating and loading need two).
     */
    public static void narrowToOneConnection(StoreUnderTest store) {
        store.dataSource().getHikariConfigMXBean().setMinimumIdle(1);
        store.dataSource().getHikariConfigMXBean().setMaximumPoolSize(1);
        store.dataSource().getHikariPoolMXBean().softEvictConnections();
    }

    public static StoreUnderTest create(String kind, int keptPreviousVersions, Duration abandonedAfter) {
        return create(kind, keptPreviousVersions, Optional.empty(), abandonedAfter);
    }

    /** A store whose reads are cancelled after the given time, as {@code plan.store.statement-timeout} sets. */
    public static StoreUnderTest withStatementTimeout(String kind, Duration statementTimeout) {
        return create(kind, 2, Optional.empty(), Duration.ofMinutes(10), statementTimeout);
    }

    public static StoreUnderTest create(String kind, int keptPreviousVersions, Optional<Duration> previousVersionsMaxAge,
                                        Duration abandonedAfter) {
        return create(kind, keptPreviousVersions, previousVersionsMaxAge, abandonedAfter, Duration.ofSeconds(30));
    }

    private static StoreUnderTest create(String kind, int keptPreviousVersions, Optional<Duration> previousVersionsMaxAge,
                                         Duration abandonedAfter, Duration statementTimeout) {
        HikariDataSource dataSource = switch (kind) {
            case "h2gis" -> dataSource(h2Url(), "sa", "");
            case "postgis" -> {
                TestPostgis.Database database = TestPostgis.instance().newDatabase();
                yield dataSource(database.url(), database.user(), database.password());
            }
            default -> throw new IllegalArgumentException("no store kind " + kind);
        };
        StoreKind storeKind = StoreKind.of(dataSource);
        Flyway.configure().dataSource(dataSource).locations(storeKind.migrationLocations()).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        FeatureStore store = new JdbcFeatureStore(jdbc, transactions, SpatialDialects.of(storeKind), keptPreviousVersions,
                previousVersionsMaxAge, abandonedAfter, ReadRoute.single(dataSource, statementTimeout),
                new ChangeListeners());
        return new StoreUnderTest(storeKind, store, jdbc, dataSource);
    }

    /** The history of a store's layers, as the application wires it. */
    public static LayerHistory history(StoreUnderTest store) {
        return new JdbcLayerHistory(store.jdbc(), new TransactionTemplate(new DataSourceTransactionManager(store.dataSource())),
                SpatialDialects.of(store.kind()));
    }

    /** A JDBC URL of a new H2 database file in a temporary folder. */
    public static String h2Url() {
        try {
            Path folder = Files.createTempDirectory("plan-h2-");
            H2_FOLDERS.add(folder);
            return "jdbc:h2:file:" + folder.resolve("plan");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource dataSource(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** Whether a table exists, in either store. */
    public static boolean tableExists(JdbcTemplate jdbc, String table) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = LOWER(?)",
                Integer.class, table);
        return count != null && count > 0;
    }

}
