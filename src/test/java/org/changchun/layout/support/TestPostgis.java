package org.changchun.layout.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL + PostGIS server for the tests, never a mock and never skipped.
 *
 * <p>It is the server named by {@code PLAN_TEST_POSTGIS_URL} (with {@code PLAN_TEST_POSTGIS_USER}
 * and {@code PLAN_TEST_POSTGIS_PASSWORD}) when set; otherwise a throwaway cluster this class
 * creates with the machine's PostgreSQL binaries in a temporary folder, on a free port, and
 * removes when the JVM exits. When neither is possible the tests fail and say how to fix it
 * ({@code scripts/test.sh} installs the packages).
 */
public final class TestPostgis {

    private static final String TEMPLATE = "template_plan_postgis";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgis instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;

    private TestPostgis(String host, int port, String user, String password, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    public static synchronized TestPostgis instance() {
        if (instance == null) {
            instance = start();
            instance.createTemplate();
        }
        return instance;
    }

    /** A new, empty database with PostGIS enabled, for one test class or test. */
    public Database newDatabase() {
        String name = "plan_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute(adminDatabase, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new Database(jdbcUrl(name), user, password);
    }

    /** A connection to the server's maintenance database, to act on test databases from outside. */
    public Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
    }

    /** Connection settings of one test database. */
    public record Database(String url, String user, String password) {

        public String name() {
            return url.substring(url.lastIndexOf('/') + 1);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private void createTemplate() {
        execute(adminDatabase, "DROP DATABASE IF EXISTS " + TEMPLATE);
        execute(adminDatabase, "CREATE DATABASE " + TEMPLATE);
        execute(TEMPLATE, "CREATE EXTENSION postgis");
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS test server: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static TestPostgis start() {
        String url = System.getenv("PLAN_TEST_POSTGIS_URL");
        if (url != null && !url.isBlank()) {
            return external(url);
        }
        Path bin = postgresBinaries().orElseThrow(() -> new IllegalStateException(
                "The tests need PostgreSQL with PostGIS and found none. Run scripts/test.sh (it installs "
                        + "postgresql-15-postgis-3 when missing) or set PLAN_TEST_POSTGIS_URL to a PostGIS database."));
        try {
            return throwawayCluster(bin);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a throwaway PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    private static TestPostgis external(String url) {
        // jdbc:postgresql://host:port/database
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1);
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        String user = Optional.ofNullable(System.getenv("PLAN_TEST_POSTGIS_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("PLAN_TEST_POSTGIS_PASSWORD")).orElse("");
        return new TestPostgis(host, port, user, password, database);
    }

    /** The newest PostgreSQL whose share folder has the PostGIS extension. */
    static Optional<Path> postgresBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .filter(v -> Files.exists(Path.of("/usr/share/postgresql", v.getFileName().toString(),
                            "extension/postgis.control")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static TestPostgis throwawayCluster(Path bin) throws IOException {
        Path folder = Files.createTempDirectory("plan-pg-");
        Path data = folder.resolve("data");
        int port = freePort();
        initCluster(bin, folder, data);
        startCluster(bin, folder, data, "log", port, "-c synchronous_commit=off -c full_page_writes=off");
        removeAtExit(bin, folder, List.of(data));
        return new TestPostgis("127.0.0.1", port, "postgres", "", "postgres");
    }

    /** Whether this JVM runs as root, whom initdb refuses: the clusters then belong to the postgres user. */
    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A new cluster in {@code data}, inside {@code folder}, trusting local connections (replication too). */
    static void initCluster(Path bin, Path folder, Path data) throws IOException {
        if (root()) {
            run(List.of("chown", "postgres:postgres", folder.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync"), root());
    }

    /** Starts a cluster on a port of 127.0.0.1, its socket in {@code folder}, logging to {@code folder/log}. */
    static void startCluster(Path bin, Path folder, Path data, String log, int port, String options) throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve(log).toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c max_connections=200 " + options,
                "start"), root());
    }

    /** Stops a cluster at once, as a crash or a pulled cable would. */
    static void stopCluster(Path bin, Path data) throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root());
    }

    /** When the JVM exits, stops the clusters (those still running) and removes the folder. */
    static void removeAtExit(Path bin, Path folder, List<Path> clusters) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path data : clusters) {
                try {
                    stopCluster(bin, data);
                } catch (IOException | RuntimeException e) {
                    // already stopped by the test
                }
            }
            try {
                deleteRecursively(folder);
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not remove the test PostgreSQL cluster in " + folder + ": " + e);
            }
        }));
    }

    static void run(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + full, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
