package org.changchun.layout.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.sql.Types;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.SortKey;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.StoredProperties;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Creates, fills and reads the per-version feature tables. Geometry travels as WKB in both
 * directions, which both stores read and write without any driver-specific type.
 */
final class FeatureTables {

    static final int MAX_FEATURE_ID_LENGTH = 128;
    private static final int BATCH_SIZE = 1_000;
    private static final int BULK_PROGRESS_EVERY = 10_000;
    private static final int STREAM_FETCH_SIZE = 2_000;
    private static final int WGS84 = 4326;
    /** From what share of a layer's extent on a box query is written for a scan, not the spatial index. */
    private static final double BROAD_BOX_SHARE = 0.1;
    /** Runs counts beside page queries; when all its threads are busy, it refuses more work. */
    private static final ExecutorService COUNTS = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "feature-count");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());

    private final JdbcTemplate jdbc;
    /** For queries made on behalf of a request: bounded in time, unlike writes, and maybe on a standby. */
    private final ReadRoute reads;
    private final SpatialDialect dialect;
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), WGS84);

    FeatureTables(JdbcTemplate jdbc, SpatialDialect dialect, ReadRoute reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.dialect = dialect;
    }

    void create(String table, List<FieldSpec> fields) {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + table + " (", ")");
        // the key is a unique index built once the table is filled (see idIndexStatement)
        columns.add("id VARCHAR(" + MAX_FEATURE_ID_LENGTH + ") NOT NULL");
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i) + " " + dialect.columnType(fields.get(i).type()));
        }
        columns.add("geom " + dialect.geometryColumnType() + " NOT NULL");
        jdbc.execute(columns.toString());
    }

    /**
     * The unique index on feature ids, built in one sort after the bulk load rather than grown
     * row by row during it (ids come in file order, not key order); a duplicate id fails it.
     */
    String idIndexStatement(String table) {
        return "CREATE UNIQUE INDEX " + table + "_id ON " + table + " (id)";
    }

    String spatialIndexStatement(String table) {
        return dialect.createSpatialIndex(table + "_geom", table);
    }

    void drop(String table) {
        jdbc.execute("DROP TABLE IF EXISTS " + table);
    }

    /**
     * Fills a new table, with the dialect's bulk loader when it has one; must run in a transaction. The bulk
     * loader stores features that do not come in spatial order in the order of {@link HilbertKey} (the
     * points of a tile or a box then lie on a few pages), a step the progress is told of.
     *
     * @param inSpatialOrder whether the features come in spatial order already ({@link SourceOrder})
     * @param allRead        run once the last feature is read, before the rows held back are stored
     */
    ContentSummary insertAll(String table, List<FieldSpec> fields, Iterator<Feature> features, boolean inSpatialOrder,
                             WriteProgress progress, Runnable allRead) {
        Optional<BulkLoader> bulk = dialect.bulkLoader();
        return bulk.isPresent()
                ? bulkLoad(bulk.get(), table, fields, features, inSpatialOrder, progress, allRead)
                : insertBatches(insertSql(table, fields), fields, features, progress, allRead);
    }

    private ContentSummary insertBatches(String sql, List<FieldSpec> fields, Iterator<Feature> features,
                                         WriteProgress progress, Runnable allRead) {
        ContentSummary summary = new ContentSummary();
        List<Feature> batch = new ArrayList<>(BATCH_SIZE);
        while (features.hasNext()) {
            Feature feature = features.next();
            summary.add(feature.geometry());
            batch.add(feature);
            if (batch.size() == BATCH_SIZE || !features.hasNext()) {
                insertBatch(sql, fields, batch);
                batch.clear();
                progress.written(summary.count());
            }
        }
        allRead.run();
        return summary;
    }

    private ContentSummary bulkLoad(BulkLoader loader, String table, List<FieldSpec> fields,
                                    Iterator<Feature> features, boolean inSpatialOrder, WriteProgress progress,
                                    Runnable allRead) {
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        BulkLoader.Load load = null;
        try {
            load = inSpatialOrder ? loader.open(connection, table, bulkColumns(fields))
                    : loader.openInKeyOrder(connection, table, bulkColumns(fields), SpillFile.DIRECTORY);
            return fill(load, fields, features, progress, inSpatialOrder ? allRead : () -> {
                allRead.run();
                progress.phase(WritePhase.STORING_IN_ORDER);
            });
        } catch (SQLException e) {
            cancel(load);
            DataAccessException translated = jdbc.getExceptionTranslator().translate("bulk load into " + table, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("bulk load into " + table, null, e);
        } catch (RuntimeException | Error e) {
            // a load left open would hold the connection, and the rollback would wait for it forever
            cancel(load);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Checks and encodes every feature's row as {@link #insertAll} does, and stores none: a write's
     * rehearsal.
     */
    ContentSummary rehearseInsert(List<FieldSpec> fields, Iterator<Feature> features, boolean inSpatialOrder) {
        BulkLoader.Load nowhere = dialect.bulkLoader().map(loader -> inSpatialOrder ? loader.discarding(bulkColumns(fields))
                : loader.discardingInKeyOrder(bulkColumns(fields), SpillFile.DIRECTORY)).orElse(BulkLoader.NOTHING);
        try {
            return fill(nowhere, fields, features, WriteProgress.NONE, () -> { });
        } catch (SQLException e) {
            throw new IllegalStateException("a load that sends nothing failed", e);
        }
    }

    private static List<String> bulkColumns(List<FieldSpec> fields) {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i));
        }
        columns.add("geom");
        return columns;
    }

    private static ContentSummary fill(BulkLoader.Load load, List<FieldSpec> fields, Iterator<Feature> features,
                                       WriteProgress progress, Runnable allRead) throws SQLException {
        EwkbEncoder ewkb = new EwkbEncoder();
        Function<Geometry, byte[]> encoding = geometry -> ewkb.encode(geometry, WGS84);
        ContentSummary summary = new ContentSummary();
        while (features.hasNext()) {
            Feature feature = features.next();
            summary.add(feature.geometry());
            load.write(coerceRow(fields, feature, encoding), HilbertKey.of(feature.geometry().getEnvelopeInternal()));
            if (summary.count() % BULK_PROGRESS_EVERY == 0) {
                progress.written(summary.count());
            }
        }
        progress.written(summary.count());
        allRead.run();
        load.finish();
        return summary;
    }

    private static void cancel(BulkLoader.Load load) {
        if (load != null) {
            load.cancel();
        }
    }

    void insert(LayerTable table, Feature feature) {
        insertBatch(insertSql(table.table(), table.fields()), table.fields(), List.of(feature));
    }

    boolean delete(LayerTable table, String featureId) {
        return jdbc.update("DELETE FROM " + table.table() + " WHERE id = ?", featureId) > 0;
    }

    List<Feature> all(LayerTable table) {
        return jdbc.query(selectSql(table) + " ORDER BY id", rowMapper(table));
    }

    /**
     * Hands the reader a stream over the rows; PostgreSQL uses a cursor when the caller runs this
     * in a transaction, thanks to the fetch size.
     */
    <T> T stream(LayerTable table, Function<Stream<Feature>, T> reader) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(STREAM_FETCH_SIZE);
        try (Stream<Feature> rows = streaming.queryForStream(selectSql(table) + " ORDER BY id", rowMapper(table))) {
            return reader.apply(rows);
        }
    }

    /**
     * Every geometry of a table, unordered: on H2GIS an ORDER BY over a big table spills a sorted
     * copy to disk, and the caller has no use for an order.
     */
    void geometries(LayerTable table, Consumer<Geometry> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(STREAM_FETCH_SIZE);
        StoredGeometryReader reader = new StoredGeometryReader(geometryFactory);
        streaming.query("SELECT ST_AsBinary(geom) FROM " + table.table(),
                (ResultSet rows) -> consumer.accept(reader.read(rows, 1)));
    }

    Optional<Feature> byId(LayerTable table, String featureId) {
        return jdbc.query(selectSql(table) + " WHERE id = ?", rowMapper(table), featureId).stream().findFirst();
    }

    List<Feature> intersecting(LayerTable table, Geometry geometry, int limit) {
        byte[] wkb = wkb(geometry);
        String area = dialect.geometryParameter();
        return reads.read(template -> template.query(selectSql(table)
                        + " WHERE geom && " + area + " AND ST_Intersects(geom, " + area + ") ORDER BY id LIMIT ?",
                rowMapper(table), wkb, wkb, limit));
    }

    /**
     * Every feature matching a query's box and filter, unordered, through a cursor on the read
     * route: the statement runs in a transaction of its own so that PostgreSQL fetches the rows
     * {@link #STREAM_FETCH_SIZE} at a time rather than all at once. The statement timeout bounds the
     * whole read, not only its first fetch, which is all the driver's timeout covers.
     */
    <T> T readMatching(LayerTable table, FeatureQuery query, Function<Stream<Feature>, T> reader) {
        Where where = where(table, query);
        RowMapper<Feature> mapper = rowMapper(table);
        return reads.read(template -> template.execute((ConnectionCallback<T>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Duration timeout = Duration.ofSeconds(template.getQueryTimeout());
            try (PreparedStatement statement = connection.prepareStatement(selectSql(table) + where.sql())) {
                statement.setFetchSize(STREAM_FETCH_SIZE);
                statement.setQueryTimeout(template.getQueryTimeout());
                new ArgumentPreparedStatementSetter(where.parameters().toArray()).setValues(statement);
                T answer;
                try (ResultSet rows = statement.executeQuery()) {
                    answer = reader.apply(ResultRows.stream(rows, mapper, timeout));
                }
                connection.commit();
                return answer;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }));
    }

    /** A query's box and filter as a WHERE clause (empty when it has neither) and its parameters. */
    private record Where(String sql, List<Object> parameters) {
    }

    /** One page of the features matching a query, and how many match in all. */
    FeaturePage query(LayerTable table, FeatureQuery query) {
        Where matching = where(table, query);
        String where = matching.sql();
        List<Object> parameters = matching.parameters();
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey key : query.sortBy()) {
            order.add(FilterSql.sortColumn(table, key.property()) + (key.ascending() ? " ASC" : " DESC"));
        }
        order.add("id");
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(query.limit());
        pageParameters.add(query.offset());
        // A full page needs the number matched too; counting beside the page rather than after it
        // keeps a request's time near that of its slower statement, not of both together.
        String countSql = "SELECT COUNT(*) FROM " + table.table() + where;
        Optional<Future<Long>> counting = query.unlimited() ? Optional.empty()
                : startCounting(() -> count(countSql, parameters));
        List<Feature> features;
        try {
            features = reads.read(template -> template.query(selectSql(table) + where + order + " LIMIT ? OFFSET ?",
                    rowMapper(table), pageParameters.toArray()));
        } catch (RuntimeException e) {
            counting.ifPresent(count -> count.cancel(false));
            throw e;
        }
        if (features.size() < query.limit() && (query.offset() == 0 || !features.isEmpty())) {
            counting.ifPresent(count -> count.cancel(false));
            return new FeaturePage(features, query.offset() + features.size());
        }
        long matched = counting.isPresent() ? awaitCount(counting.get()) : count(countSql, parameters);
        return new FeaturePage(features, matched);
    }

    /** The WHERE clause of a query's box and filter, empty when it has neither, and its parameters. */
    private Where where(LayerTable table, FeatureQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        // a box around the whole layer holds every feature: asked without it, the count is the table's size
        Optional<Envelope> bbox = query.bbox().filter(box -> table.extent() == null || !box.covers(table.extent()));
        bbox.ifPresent(box -> {
            SqlParameterValue wkb = new SqlParameterValue(Types.BINARY, wkb(geometryFactory.toGeometry(box)));
            if (isBroad(box, table.extent())) {
                // Without the && operator H2GIS does not reach for its R-tree, which fetches every
                // match apart (then sorts them all); it walks the id index and stops at the page's
                // end instead, which for a big layer turns seconds into milliseconds
                // (docs/benchmarks.md, "Findings"). PostGIS's ST_Intersects brings its index
                // condition itself, so PostgreSQL plans as before.
                conditions.add("ST_Intersects(geom, " + dialect.geometryParameter() + ")");
                parameters.add(wkb);
            } else {
                String area = dialect.geometryParameter();
                conditions.add("geom && " + area + " AND ST_Intersects(geom, " + area + ")");
                parameters.add(wkb);
                parameters.add(wkb);
            }
        });
        if (query.filter() != null) {
            FilterSql.Condition condition = FilterSql.of(table, query.filter(), dialect);
            conditions.add(condition.sql());
            parameters.addAll(condition.parameters());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    /**
     * Whether a box holds at least a tenth of a layer's extent, and so likely of its features. An
     * extent without area (one point, points in a line) is either covered, and the box dropped, or not.
     */
    private static boolean isBroad(Envelope box, Envelope extent) {
        if (extent == null || extent.getArea() == 0) {
            return false;
        }
        return box.intersection(extent).getArea() >= BROAD_BOX_SHARE * extent.getArea();
    }

    /** Empty when every counting thread is busy: the request then counts after its page, if it must. */
    private static Optional<Future<Long>> startCounting(Callable<Long> count) {
        try {
            return Optional.of(COUNTS.submit(count));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
    }

    private long count(String countSql, List<Object> parameters) {
        Long count = reads.read(template -> template.queryForObject(countSql, Long.class, parameters.toArray()));
        return count == null ? 0 : count;
    }

    private static long awaitCount(Future<Long> counting) {
        try {
            return counting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the matched features", e);
        }
    }

    private void insertBatch(String sql, List<FieldSpec> fields, List<Feature> batch) {
        List<Object[]> coerced = new ArrayList<>(batch.size());
        for (Feature feature : batch) {
            coerced.add(coerceRow(fields, feature, FeatureTables::wkb));
        }
        jdbc.batchUpdate(sql, coerced, coerced.size(), (PreparedStatement statement, Object[] row) -> {
            statement.setString(1, (String) row[0]);
            for (int i = 0; i < fields.size(); i++) {
                FieldValues.bind(statement, i + 2, fields.get(i), row[i + 1]);
            }
            statement.setBytes(fields.size() + 2, (byte[]) row[fields.size() + 1]);
        });
    }

    private static Object[] coerceRow(List<FieldSpec> fields, Feature feature, Function<Geometry, byte[]> encoding) {
        String id = feature.id();
        if (id.isEmpty() || id.length() > MAX_FEATURE_ID_LENGTH) {
            throw new IllegalArgumentException("feature id must have 1 to " + MAX_FEATURE_ID_LENGTH
                    + " characters: \"" + id + "\"");
        }
        Map<String, Object> properties = feature.properties();
        Object[] row = new Object[fields.size() + 2];
        row[0] = id;
        int known = 0;
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            Object value = properties.get(field.name());
            if (value != null || properties.containsKey(field.name())) {
                known++;
            }
            try {
                row[i + 1] = FieldValues.coerce(field, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature " + id + ": " + e.getMessage(), e);
            }
        }
        if (known < properties.size()) {
            // counted rather than searched per property: this runs for each of a million features
            String unknown = properties.keySet().stream()
                    .filter(name -> fields.stream().noneMatch(f -> f.name().equals(name))).findFirst().orElseThrow();
            throw new IllegalArgumentException("feature " + id + " has property \"" + unknown
                    + "\", which is not a field of the layer");
        }
        row[fields.size() + 1] = encoding.apply(feature.geometry());
        return row;
    }

    private static String insertSql(String table, List<FieldSpec> fields) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner values = new StringJoiner(", ", "(", ")");
        columns.add("id");
        values.add("?");
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i));
            values.add("?");
        }
        columns.add("geom");
        values.add("ST_GeomFromWKB(?, " + WGS84 + ")");
        return "INSERT INTO " + table + " " + columns + " VALUES " + values;
    }

    private static String selectSql(LayerTable table) {
        StringJoiner columns = new StringJoiner(", ", "SELECT ", " FROM " + table.table());
        columns.add("id");
        for (int i = 0; i < table.fields().size(); i++) {
            columns.add(LayerTable.columnName(i));
        }
        columns.add("ST_AsBinary(geom) AS wkb");
        return columns.toString();
    }

    private RowMapper<Feature> rowMapper(LayerTable table) {
        List<FieldSpec> fields = table.fields();
        StoredGeometryReader reader = new StoredGeometryReader(geometryFactory);
        StoredProperties.Names names = new StoredProperties.Names(fields.stream().map(FieldSpec::name).toList());
        boolean textAsUtf8 = dialect.textAsUtf8Bytes();
        return (ResultSet rows, int rowNumber) -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = FieldValues.read(rows, i + 2, fields.get(i), textAsUtf8);
            }
            return new Feature(rows.getString(1), new StoredProperties(names, values),
                    reader.read(rows, fields.size() + 2));
        };
    }

    private static byte[] wkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }
}
