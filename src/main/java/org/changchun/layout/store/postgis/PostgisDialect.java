package org.changchun.layout.store.postgis;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.store.jdbc.BulkLoader;
import org.changchun.layout.store.jdbc.LinkPartitions;
import org.changchun.layout.store.jdbc.MvtSql;
import org.changchun.layout.store.jdbc.SpatialDialect;

/** PostgreSQL with PostGIS: GiST indexes, {@code text} columns, {@code nextval}. */
public final class PostgisDialect implements SpatialDialect {

    @Override
    public String kind() {
        return "postgis";
    }

    @Override
    public String geometryColumnType() {
        return "geometry(Geometry, 4326)";
    }

    @Override
    public String columnType(FieldType type) {
        return switch (type) {
            case STRING -> "text";
            case INTEGER -> "bigint";
            case NUMBER -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    @Override
    public String createSpatialIndex(String indexName, String table) {
        return "CREATE INDEX " + indexName + " ON " + table + " USING GIST (geom)";
    }

    @Override
    public boolean buildsIndexesConcurrently() {
        return true;
    }

    @Override
    public boolean fullJoins() {
        return true;
    }

    @Override
    public boolean hashJoins() {
        return true;
    }

    @Override
    public Optional<String> readsWholeCursor() {
        return Optional.of("SET LOCAL cursor_tuple_fraction = 1");
    }

    @Override
    public boolean textAsUtf8Bytes() {
        return true;
    }

    @Override
    public String nextValue(String sequence) {
        return "SELECT nextval('" + sequence + "')";
    }

    /** The channel on which writers announce changed layers to every process sharing the database. */
    public static final String CHANGE_CHANNEL = "plan_layer_changed";

    @Override
    public Optional<String> changeNotification() {
        return Optional.of("SELECT pg_notify('" + CHANGE_CHANNEL + "', ?)");
    }

    @Override
    public Optional<BulkLoader> bulkLoader() {
        return Optional.of(new PostgisCopyLoader());
    }

    /**
     * Autovacuum analyzes a new table only a while after it is written, and a partitioned table (the
     * links) never: without statistics a district's coverage joined its links feature by feature
     * (0.63 s at a million points) where a hash join takes 0.25 s.
     */
    @Override
    public Optional<String> analyze(String table) {
        return Optional.of("ANALYZE " + table);
    }

    @Override
    public Optional<LinkPartitions> linkPartitions() {
        return Optional.of(new PostgisLinkPartitions());
    }

    /**
     * Read once per statement, as an initplan. As a plain function call it is read again for every
     * row it is compared with once PostgreSQL has switched a prepared statement to its generic
     * plan, after five runs: counting the points of a district of 4,148 vertices among a million took
     * 4.8 s instead of 1.0 s (bench/scale).
     */
    @Override
    public String geometryParameter() {
        return "(SELECT ST_GeomFromWKB(?, 4326))";
    }

    @Override
    public Optional<MvtSql> mvt() {
        return Optional.of(new PostgisMvtSql());
    }

    @Override
    public String versionQuery() {
        return "SELECT 'PostGIS ' || postgis_lib_version() || ' on ' || split_part(version(), ',', 1)";
    }
}
