package org.changchun.layout.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A PostgreSQL primary with a hot standby fed by streaming replication, two throwaway clusters
 * set up as an operator would ({@code pg_basebackup -R}): for the tests of reads on a standby.
 * Both log every statement, so a test can tell which of them ran a query.
 */
public final class StreamingReplication {

    /** The test database, created on the primary (with PostGIS) and replicated to the standby. */
    public static final String DATABASE = "plan_replicated";

    private final Path bin;
    private final Path folder;
    private final Path standbyData;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingReplication(Path bin, Path folder, Path standbyData, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.folder = folder;
        this.standbyData = standbyData;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Starts the primary, creates the database, clones the primary and starts the clone as its standby. */
    public static StreamingReplication start() throws IOException, SQLException {
        Path bin = TestPostgis.postgresBinaries().orElseThrow(() -> new IllegalStateException(
                "The replication tests need PostgreSQL with PostGIS: run scripts/test.sh"));
        Path folder = Files.createTempDirectory("plan-pg-replication-");
        Path primaryData = folder.resolve("primary");
        Path standbyData = folder.resolve("standby");
        int primaryPort = TestPostgis.freePort();
        int standbyPort = TestPostgis.freePort();
        TestPostgis.initCluster(bin, folder, primaryData);
        TestPostgis.removeAtExit(bin, folder, List.of(primaryData, standbyData));
        // initdb's pg_hba.conf already lets local replication connections in (trust)
        TestPostgis.startCluster(bin, folder, primaryData, "primary.log", primaryPort,
                "-c wal_level=replica -c max_wal_senders=4 -c log_statement=all");
        StreamingReplication replication = new StreamingReplication(bin, folder, standbyData, primaryPort, standbyPort);
        replication.execute(replication.primaryUrl("postgres"), "CREATE DATABASE " + DATABASE);
        replication.execute(replication.primaryUrl(DATABASE), "CREATE EXTENSION postgis");
        TestPostgis.run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(primaryPort), "-U", "postgres", "-D", standbyData.toString(), "-R", "-X", "stream",
                "-c", "fast"), TestPostgis.root());
        replication.startStandby();
        return replication;
    }

    public String primaryUrl() {
        return primaryUrl(DATABASE);
    }

    public String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + DATABASE;
    }

    /** Runs one statement on the standby, e.g. {@code SELECT pg_wal_replay_pause()}. */
    public void onStandby(String sql) throws SQLException {
        execute(standbyUrl(), sql);
    }

    /** Waits until the standby has replayed all the primary has written so far. */
    public void awaitReplay(Duration limit) throws SQLException, InterruptedException {
        long written = number(primaryUrl(), "SELECT pg_current_wal_flush_lsn() - '0/0'::pg_lsn");
        Waiting.until(limit, () -> {
            try {
                return number(standbyUrl(), "SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn") >= written;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Starts the standby (again): it goes on streaming from where it stopped. */
    public void startStandby() throws IOException {
        TestPostgis.startCluster(bin, folder, standbyData, "standby.log", standbyPort,
                "-c hot_standby=on -c log_statement=all");
    }

    /** Stops the standby at once; reads must then be answered by the primary. */
    public void stopStandby() throws IOException {
        TestPostgis.stopCluster(bin, standbyData);
    }

    /** Every statement the primary ran so far, as its log tells. */
    public String primaryLog() throws IOException {
        return Files.readString(folder.resolve("primary.log"), StandardCharsets.UTF_8);
    }

    /** Every statement the standby ran so far, as its log tells. */
    public String standbyLog() throws IOException {
        return Files.readString(folder.resolve("standby.log"), StandardCharsets.UTF_8);
    }

    private String primaryUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + database;
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long number(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
