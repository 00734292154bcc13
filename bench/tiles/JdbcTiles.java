import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's tile statement sent as the service sends it (pgjdbc, a prepared statement per
 * call with the request query timeout, parameters bound, the bytea read), from a plain Java
 * client with no HTTP in between: run.sh's "jdbc" peer. Next to the floor (pgbench) and the cold
 * service it splits the cold service's cost into the driver's part and the HTTP server's part.
 *
 * <p>Each client has its own connection and walks the tile list (table bench_tiles, ordered by n)
 * from its own starting point, as pgbench's clients and wrk's connections do. It runs WARMUP
 * seconds unmeasured (the JIT compiles pgjdbc), then, with every client idle, prints
 * {@code ready} and waits for a line on stdin (run.sh resets the statement counters and starts
 * its CPU accounting in between), measures SECONDS, prints
 * {@code count mean_us p50_us p99_us tiles_per_s} and exits once stdin closes.
 *
 * <p>usage: java -cp postgresql.jar JdbcTiles.java URL CLIENTS WARMUP SECONDS THIN_COLUMN
 * FULL_SQL [THINNED_SQL]; the SQL files hold the statement with pgbench's :z :x :y :west :south
 * :east :north variables; THINNED_SQL, when given, is used for the tiles whose THIN_COLUMN of
 * bench_tiles is true (run.sh's mark_thin_tiles).
 */
public final class JdbcTiles {

    /** As the service's request reads (plan.store.statement-timeout). */
    private static final int QUERY_TIMEOUT_SECONDS = 30;
    private static final Pattern VARIABLE = Pattern.compile("(?<!:):(z|x|y|west|south|east|north)\\b");

    /** A statement file's SQL, its pgbench variables made JDBC parameters, and their order. */
    private record TileStatement(String sql, List<String> variables) {

        static TileStatement read(String file) throws Exception {
            String text = Files.readString(Path.of(file)).trim();
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1);
            }
            List<String> variables = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder sql = new StringBuilder();
            while (matcher.find()) {
                variables.add(matcher.group(1));
                matcher.appendReplacement(sql, "?");
            }
            matcher.appendTail(sql);
            return new TileStatement(sql.toString(), variables);
        }
    }

    private record Tile(int z, int x, int y, double west, double south, double east, double north, boolean thin) {

        void bind(PreparedStatement statement, List<String> variables) throws SQLException {
            for (int i = 0; i < variables.size(); i++) {
                switch (variables.get(i)) {
                    case "z" -> statement.setInt(i + 1, z);
                    case "x" -> statement.setInt(i + 1, x);
                    case "y" -> statement.setInt(i + 1, y);
                    case "west" -> statement.setDouble(i + 1, west);
                    case "south" -> statement.setDouble(i + 1, south);
                    case "east" -> statement.setDouble(i + 1, east);
                    case "north" -> statement.setDouble(i + 1, north);
                    default -> throw new IllegalStateException(variables.get(i));
                }
            }
        }
    }

    /** One client's connection and walk; latencies of the measured tiles in µs. */
    private static final class Client extends Thread {
        private final Connection connection;
        private final List<Tile> tiles;
        private final TileStatement full;
        private final TileStatement thinned;
        private final long warmupEnd;
        /** Counted down by each client once warmed up: then none of them sends anything until go. */
        private final CountDownLatch warmedUp;
        private final CountDownLatch go;
        private int next;
        private volatile long measureTo;
        private long[] latencies = new long[1 << 16];
        private int count;
        private volatile Exception failure;

        Client(Connection connection, List<Tile> tiles, int start, TileStatement full, TileStatement thinned,
               long warmupEnd, CountDownLatch warmedUp, CountDownLatch go) {
            this.connection = connection;
            this.tiles = tiles;
            this.next = start;
            this.full = full;
            this.thinned = thinned;
            this.warmupEnd = warmupEnd;
            this.warmedUp = warmedUp;
            this.go = go;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < warmupEnd) {
                    tile(tiles.get(next++ % tiles.size()));
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                warmedUp.countDown();
            }
            try {
                go.await();
                while (failure == null) {
                    long started = System.nanoTime();
                    if (started >= measureTo) {
                        return;
                    }
                    tile(tiles.get(next++ % tiles.size()));
                    record((System.nanoTime() - started) / 1_000);
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private void tile(Tile tile) throws SQLException {
            TileStatement statement = thinned != null && tile.thin() ? thinned : full;
            try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                prepared.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                tile.bind(prepared, statement.variables());
                try (ResultSet result = prepared.executeQuery()) {
                    if (!result.next() || result.getBytes(1) == null) {
                        throw new SQLException("no tile for " + tile);
                    }
                }
            }
        }

        private void record(long micros) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        String thinColumn = args[4];
        TileStatement full = TileStatement.read(args[5]);
        TileStatement thinned = args.length > 6 ? TileStatement.read(args[6]) : null;

        List<Tile> tiles = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT z, x, y, west, south, east, north, " + thinColumn + " FROM bench_tiles ORDER BY n")) {
            while (rows.next()) {
                tiles.add(new Tile(rows.getInt(1), rows.getInt(2), rows.getInt(3),
                        rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getBoolean(8)));
            }
        }
        CountDownLatch warmedUp = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long warmupEnd = System.nanoTime() + warmupNanos;
        List<Client> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(DriverManager.getConnection(url), tiles, i * tiles.size() / clients,
                    full, thinned, warmupEnd, warmedUp, go);
            client.setDaemon(true);
            client.start();
            running.add(client);
        }
        warmedUp.await();
        throwFailure(running);
        System.out.println("ready");
        Scanner input = new Scanner(System.in);
        input.nextLine();

        long from = System.nanoTime();
        for (Client client : running) {
            client.measureTo = from + measureNanos;
        }
        go.countDown();
        for (Client client : running) {
            client.join();
        }
        long elapsed = System.nanoTime() - from;
        throwFailure(running);

        int total = running.stream().mapToInt(client -> client.count).sum();
        if (total == 0) {
            throw new IllegalStateException("no tile finished within the measured seconds");
        }
        long[] all = new long[total];
        int at = 0;
        long sum = 0;
        for (Client client : running) {
            System.arraycopy(client.latencies, 0, all, at, client.count);
            at += client.count;
            for (int i = 0; i < client.count; i++) {
                sum += client.latencies[i];
            }
            client.connection.close();
        }
        Arrays.sort(all);
        System.out.printf("%d %.1f %d %d %.2f%n", total, (double) sum / total, percentile(all, 50),
                percentile(all, 99), total / (elapsed / 1e9));
        System.out.flush();
        while (input.hasNextLine()) {
            input.nextLine();
        }
    }

    private static void throwFailure(List<Client> clients) throws Exception {
        for (Client client : clients) {
            if (client.failure != null) {
                throw client.failure;
            }
        }
    }

    /** Nearest rank, as wrk and pgbench_stats.py report it. */
    private static long percentile(long[] ordered, int p) {
        int rank = Math.max(1, (int) Math.ceil(ordered.length * p / 100.0));
        return ordered[rank - 1];
    }
}
