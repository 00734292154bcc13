package org.changchun.layout.store.jdbc;

import java.util.List;

/**
 * How a database that partitions {@code feature_link} by source layer swaps a layer's links
 * whole: the links of a new version are staged in a table without indexes, indexed in one sort
 * each, and attached as the layer's partition in the switch transaction, replacing the old
 * one. Inserting the same rows one by one into the shared, indexed table costs several times
 * more (docs/benchmarks.md, "Findings that shaped the design") and holds the switch transaction
 * open meanwhile.
 */
public interface LinkPartitions {

    /**
     * Statements that give a filled staging table what attaching it needs: the parent's indexes
     * (so attaching builds none) and a constraint proving every row belongs to the source layer
     * (so attaching scans nothing). Run before the switch transaction; they may run concurrently.
     */
    List<String> indexStatements(String staging);

    /** The statement run after {@link #indexStatements}, once they are all done. */
    List<String> constraintStatements(String staging, String sourceLayer);

    /** A query, with the source layer as its parameter, for the layer's current partition (no row if none). */
    String currentPartitionQuery();

    /** Makes the staging table the source layer's partition. */
    String attach(String staging, String sourceLayer);

    /** The SQL literal of a layer id (ids are lower-case letters, digits and hyphens). */
    static String literal(String layerId) {
        return "'" + layerId.replace("'", "''") + "'";
    }
}
