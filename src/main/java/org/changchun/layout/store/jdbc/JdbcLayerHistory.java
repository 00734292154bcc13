package org.changchun.layout.store.jdbc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.history.FeatureChange;
import org.changchun.layout.history.LayerHistory;
import org.changchun.layout.history.LayerWrite;
import org.changchun.layout.history.VersionPair;
import org.changchun.layout.history.VersionRecord;
import org.changchun.layout.store.jdbc.CatalogTables.VersionState;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A layer's history from the catalog tables, the audit trail and the version tables; the same SQL
 * on both stores but for the join {@link VersionChangesSql} asks the dialect about.
 */
public final class JdbcLayerHistory implements LayerHistory {

    private static final Logger log = LoggerFactory.getLogger(JdbcLayerHistory.class);
    private static final int STREAM_FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SpatialDialect dialect;
    private final CatalogTables catalog;

    public JdbcLayerHistory(JdbcTemplate jdbc, TransactionTemplate transactions, SpatialDialect dialect) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.catalog = new CatalogTables(jdbc, dialect);
    }

    @Override
    public List<VersionRecord> versions(String layerId) {
        return jdbc.query("""
                SELECT id, state, feature_count, geometry_type, checksum, created_at, created_by, replaced_at,
                       discarded_at
                FROM layer_version WHERE layer_id = ? AND state <> ? ORDER BY id DESC""",
                (rows, n) -> new VersionRecord(rows.getLong(1), stateCode(rows.getString(2)), rows.getLong(3),
                        rows.getString(4), rows.getString(5), rows.getObject(6, OffsetDateTime.class),
                        rows.getString(7), rows.getObject(8, OffsetDateTime.class),
                        rows.getObject(9, OffsetDateTime.class)),
                layerId, VersionState.BUILDING.name());
    }

    /** How the history names a stored state: a previous version is one the layer keeps. */
    private static String stateCode(String state) {
        return VersionState.valueOf(state) == VersionState.PREVIOUS ? "kept" : state.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<List<FieldSpec>> keptVersionFields(String layerId, long version) {
        Integer kept = jdbc.queryForObject(
                "SELECT COUNT(*) FROM layer_version WHERE id = ? AND layer_id = ? AND state IN (?, ?)", Integer.class,
                version, layerId, VersionState.CURRENT.name(), VersionState.PREVIOUS.name());
        return kept == null || kept == 0 ? Optional.empty() : Optional.of(catalog.fields(version));
    }

    @Override
    public List<String> repeatedValues(long version, List<FieldSpec> fields, String field, int limit) {
        int position = fields.stream().map(FieldSpec::name).toList().indexOf(field);
        if (position < 0) {
            throw new IllegalArgumentException("version " + version + " has no field " + field);
        }
        String column = LayerTable.columnName(position);
        return jdbc.queryForList("SELECT CAST(" + column + " AS VARCHAR) FROM " + LayerTable.tableName(version)
                + " WHERE " + column + " IS NOT NULL GROUP BY " + column + " HAVING COUNT(*) > 1 ORDER BY " + column
                + " LIMIT ?", String.class, limit);
    }

    @Override
    public void changes(VersionPair pair, boolean geometries, Consumer<FeatureChange> consumer) {
        VersionChangesSql sql = new VersionChangesSql(pair, dialect);
        sql.preparation().forEach(jdbc::execute);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(STREAM_FETCH_SIZE);
        WKBReader wkb = new WKBReader(new GeometryFactory(new PrecisionModel(), 4326));
        String query = sql.query(geometries);
        // one line, so bench/history/run.sh can run the same statement straight in the database
        log.debug("Comparing versions {} and {} of layer {}: {}", pair.from(), pair.to(), pair.layerId(), query);
        // inside a transaction, so PostgreSQL streams the rows through a cursor, planned for all of them
        transactions.executeWithoutResult(status -> {
            dialect.readsWholeCursor().ifPresent(jdbc::execute);
            streaming.query(query, rows -> {
                consumer.accept(sql.read(rows, wkb));
            });
        });
    }

    @Override
    public List<LayerWrite> writes(String layerId, int limit) {
        return jdbc.query("""
                SELECT at, actor, method, path, status, detail FROM audit_event
                WHERE layer_id = ? AND status BETWEEN 200 AND 299 ORDER BY id DESC LIMIT ?""",
                (rows, n) -> new LayerWrite(rows.getObject(1, OffsetDateTime.class), rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getInt(5), rows.getString(6)),
                layerId, limit);
    }
}
