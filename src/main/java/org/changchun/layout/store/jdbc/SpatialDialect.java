package org.changchun.layout.store.jdbc;

import java.util.List;
import java.util.Optional;
import org.changchun.layout.feature.FieldType;

/**
 * The pieces of SQL in which PostGIS and H2GIS differ. Everything else the JDBC store runs is
 * the same text on both, so the two stores cannot drift apart by accident.
 */
public interface SpatialDialect {

    /** "postgis" or "h2gis". */
    String kind();

    /** The column type of a WGS84 geometry column that accepts any geometry type. */
    String geometryColumnType();

    String columnType(FieldType type);

    /** DDL creating the spatial index of a feature table's {@code geom} column. */
    String createSpatialIndex(String indexName, String table);

    /**
     * Whether index builds on a new table may run side by side, each on a connection of its
     * own; an embedded database that locks the whole table for DDL builds them one by one.
     */
    default boolean buildsIndexesConcurrently() {
        return false;
    }

    /**
     * Whether the bytes the driver returns for a text column ({@code getBytes}) are its text in UTF-8:
     * PostgreSQL's driver always speaks UTF-8 and hands a text column's bytes over as they came, so
     * text read for a UTF-8 response can skip being decoded into a string and encoded again (a
     * fifth of the Java time of a page of items). H2 converts a text value to bytes otherwise.
     */
    default boolean textAsUtf8Bytes() {
        return false;
    }

    /** A query returning the next value of a sequence. */
    String nextValue(String sequence);

    /**
     * A double-precision arithmetic result that must be finite: where the database's own
     * arithmetic gives infinity or NaN (an overflow, {@code 0 ^ -1}, the root of a negative
     * number), this makes it an SQLSTATE 22 error instead, as PostgreSQL's arithmetic is, so a
     * filter answers alike on both stores. By default the expression itself.
     */
    default String finiteNumber(String sql) {
        return sql;
    }

    /** A query returning the spatial engine's version text. */
    String versionQuery();

    /**
     * A statement that, run inside a writing transaction with the layer id as its parameter,
     * tells other processes sharing the database about the change once it commits; empty when
     * the database cannot (an embedded one has no other processes).
     */
    default Optional<String> changeNotification() {
        return Optional.empty();
    }

    /**
     * Whether the database has {@code FULL [OUTER] JOIN}; without it (H2), a comparison of two
     * versions pairs their features with a left join and an anti-join instead.
     */
    default boolean fullJoins() {
        return false;
    }

    /**
     * Whether the database joins two tables on columns without an index in one pass (a hash join);
     * one that looks up each row in an index (H2) needs an index on the field two versions are
     * compared by.
     */
    default boolean hashJoins() {
        return false;
    }

    /**
     * A statement that, run in the transaction of a query read through a cursor, tells the planner
     * that every row will be read; empty when the database plans cursors like any query. PostgreSQL
     * plans a cursor for its first tenth of rows ({@code cursor_tuple_fraction}), which can trade a
     * hash join for a merge join that sorts both tables first.
     */
    default Optional<String> readsWholeCursor() {
        return Optional.empty();
    }

    /** A faster way to fill a new feature table than batched INSERTs, when the database has one. */
    default Optional<BulkLoader> bulkLoader() {
        return Optional.empty();
    }

    /**
     * The statement that gathers a table's statistics for the planner, where the database keeps them
     * and does not gather them at once by itself.
     */
    default Optional<String> analyze(String table) {
        return Optional.empty();
    }

    /** How the database swaps a source layer's links whole, when it partitions them by layer. */
    default Optional<LinkPartitions> linkPartitions() {
        return Optional.empty();
    }

    /**
     * A WGS84 geometry bound as WKB, as a query compares the features with it (one {@code ?}).
     */
    default String geometryParameter() {
        return "ST_GeomFromWKB(?, 4326)";
    }

    /**
     * SQL that encodes one layer of a vector tile inside the database, when the dialect can;
     * see {@link MvtSql}.
     */
    default Optional<MvtSql> mvt() {
        return Optional.empty();
    }
}
