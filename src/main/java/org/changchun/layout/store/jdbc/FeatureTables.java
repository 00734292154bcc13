package org.changchun.layout.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Stream;
import java.sql.Types;
import java.time.Duration;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.SortKey;
import org.changchun.layout.store.Feature;
import org.changchun.layout.store.FeaturePage;
import org.changchun.layout.store.FieldSpec;
import org.changchun.layout.store.WriteProgress;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataRetrievalFailureException;
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
    private static final int BULK_BATCH_SIZE = 10_000;
    private static final int STREAM_FETCH_SIZE = 2_000;
    private static final int WGS84 = 4326;

    private final JdbcTemplate jdbc;
    /** For queries made on behalf of a request: bounded in time, unlike writes. */
    private final JdbcTemplate reads;
    private final SpatialDialect dialect;
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), WGS84);

    FeatureTables(JdbcTemplate jdbc, SpatialDialect dialect, Duration statementTimeout) {
        this.jdbc = jdbc;
        this.reads = new JdbcTemplate(jdbc.getDataSource());
        this.reads.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        this.reads.setExceptionTranslator(jdbc.getExceptionTranslator());
        this.dialect = dialect;
    }

    JdbcTemplate reads() {
        return reads;
    }

    void create(String table, List<FieldSpec> fields) {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + table + " (", ")");
        columns.add("id VARCHAR(" + MAX_FEATURE_ID_LENGTH + ") PRIMARY KEY");
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i) + " " + dialect.columnType(fields.get(i).type()));
        }
        columns.add("geom " + dialect.geometryColumnType() + " NOT NULL");
        jdbc.execute(columns.toString());
    }

    void createSpatialIndex(String table) {
        jdbc.execute(dialect.createSpatialIndex(table + "_geom", table));
    }

    void drop(String table) {
        jdbc.execute("DROP TABLE IF EXISTS " + table);
    }

    /** Fills a new table, with the dialect's bulk loader when it has one; must run in a transaction. */
    ContentSummary insertAll(String table, List<FieldSpec> fields, Iterator<Feature> features, WriteProgress progress) {
        ContentSummary summary = new ContentSummary();
        Optional<BulkLoader> bulk = dialect.bulkLoader();
        int batchSize = bulk.isPresent() ? BULK_BATCH_SIZE : BATCH_SIZE;
        String sql = insertSql(table, fields);
        List<Feature> batch = new ArrayList<>(batchSize);
        while (features.hasNext()) {
            Feature feature = features.next();
            summary.add(feature.geometry());
            batch.add(feature);
            if (batch.size() == batchSize || !features.hasNext()) {
                if (bulk.isPresent()) {
                    bulkLoad(bulk.get(), table, fields, batch);
                } else {
                    insertBatch(sql, fields, batch);
                }
                batch.clear();
                progress.written(summary.count());
            }
        }
        return summary;
    }

    private void bulkLoad(BulkLoader loader, String table, List<FieldSpec> fields, List<Feature> batch) {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i));
        }
        columns.add("geom");
        List<Object[]> rows = new ArrayList<>(batch.size());
        WKBWriter ewkb = new WKBWriter(2, true);
        for (Feature feature : batch) {
            Object[] row = coerceRow(fields, feature);
            feature.geometry().setSRID(WGS84);
            row[row.length - 1] = ewkb.write(feature.geometry());
            rows.add(row);
        }
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            loader.load(connection, table, columns, rows);
        } catch (SQLException e) {
            DataAccessException translated = jdbc.getExceptionTranslator().translate("bulk load into " + table, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("bulk load into " + table, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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

    Optional<Feature> byId(LayerTable table, String featureId) {
        return jdbc.query(selectSql(table) + " WHERE id = ?", rowMapper(table), featureId).stream().findFirst();
    }

    List<Feature> intersecting(LayerTable table, Geometry geometry) {
        byte[] wkb = wkb(geometry);
        return reads.query(selectSql(table)
                        + " WHERE geom && ST_GeomFromWKB(?, 4326) AND ST_Intersects(geom, ST_GeomFromWKB(?, 4326))"
                        + " ORDER BY id",
                rowMapper(table), wkb, wkb);
    }

    /** One page of the features matching a query, and how many match in all. */
    FeaturePage query(LayerTable table, FeatureQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.bbox().ifPresent(box -> {
            conditions.add("geom && ST_GeomFromWKB(?, 4326) AND ST_Intersects(geom, ST_GeomFromWKB(?, 4326))");
            SqlParameterValue wkb = new SqlParameterValue(Types.BINARY, wkb(geometryFactory.toGeometry(box)));
            parameters.add(wkb);
            parameters.add(wkb);
        });
        if (query.filter() != null) {
            FilterSql.Condition condition = FilterSql.of(table, query.filter());
            conditions.add(condition.sql());
            parameters.addAll(condition.parameters());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey key : query.sortBy()) {
            order.add(FilterSql.sortColumn(table, key.property()) + (key.ascending() ? " ASC" : " DESC"));
        }
        order.add("id");
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(query.limit());
        pageParameters.add(query.offset());
        List<Feature> features = reads.query(selectSql(table) + where + order + " LIMIT ? OFFSET ?",
                rowMapper(table), pageParameters.toArray());
        long matched = features.size() < query.limit() && (query.offset() == 0 || !features.isEmpty())
                ? query.offset() + features.size()
                : count(table, where, parameters);
        return new FeaturePage(features, matched);
    }

    private long count(LayerTable table, String where, List<Object> parameters) {
        Long count = reads.queryForObject("SELECT COUNT(*) FROM " + table.table() + where, Long.class,
                parameters.toArray());
        return count == null ? 0 : count;
    }

    private void insertBatch(String sql, List<FieldSpec> fields, List<Feature> batch) {
        List<Object[]> coerced = new ArrayList<>(batch.size());
        for (Feature feature : batch) {
            coerced.add(coerceRow(fields, feature));
        }
        jdbc.batchUpdate(sql, coerced, coerced.size(), (PreparedStatement statement, Object[] row) -> {
            statement.setString(1, (String) row[0]);
            for (int i = 0; i < fields.size(); i++) {
                FieldValues.bind(statement, i + 2, fields.get(i), row[i + 1]);
            }
            statement.setBytes(fields.size() + 2, (byte[]) row[fields.size() + 1]);
        });
    }

    private static Object[] coerceRow(List<FieldSpec> fields, Feature feature) {
        String id = feature.id();
        if (id.isEmpty() || id.length() > MAX_FEATURE_ID_LENGTH) {
            throw new IllegalArgumentException("feature id must have 1 to " + MAX_FEATURE_ID_LENGTH
                    + " characters: \"" + id + "\"");
        }
        for (String name : feature.properties().keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("feature " + id + " has property \"" + name
                        + "\", which is not a field of the layer");
            }
        }
        Object[] row = new Object[fields.size() + 2];
        row[0] = id;
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            try {
                row[i + 1] = FieldValues.coerce(field, feature.properties().get(field.name()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature " + id + ": " + e.getMessage(), e);
            }
        }
        row[fields.size() + 1] = wkb(feature.geometry());
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
        WKBReader reader = new WKBReader(geometryFactory);
        return (ResultSet rows, int rowNumber) -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                properties.put(fields.get(i).name(), FieldValues.read(rows, i + 2, fields.get(i)));
            }
            return new Feature(rows.getString(1), properties, geometry(reader, rows, fields.size() + 2));
        };
    }

    private static Geometry geometry(WKBReader reader, ResultSet rows, int index) throws SQLException {
        try {
            Geometry geometry = reader.read(rows.getBytes(index));
            geometry.setSRID(WGS84);
            return geometry;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("stored geometry is not valid WKB", e);
        }
    }

    private static byte[] wkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }
}
