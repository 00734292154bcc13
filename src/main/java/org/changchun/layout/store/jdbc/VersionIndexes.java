package org.changchun.layout.store.jdbc;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a filled layer version ready to read: its table indexed and analyzed; beside that, its
 * staged links, once stored (they were set aside until every feature was read), indexed and constrained.
 * Where the database builds indexes side by side, the two chains run on connections of their own
 * and take about as long as the longer of them: on a two-core server one core each, the feature
 * table's GiST index (built on one core, the longest single step), its id index and statistics, beside the
 * links' rows and their two indexes.
 */
final class VersionIndexes {

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;
    private final FeatureTables features;
    private final LinkTables links;

    VersionIndexes(JdbcTemplate jdbc, SpatialDialect dialect, FeatureTables features, LinkTables links) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.features = features;
        this.links = links;
    }

    /** @param staging the version's staged links, their linking finished; null for a layer without links */
    void build(String table, long versionId, String layerId, LinkStaging staging) {
        boolean concurrently = dialect.buildsIndexesConcurrently();
        List<String> tableIndexes = List.of(features.spatialIndexStatement(table), features.idIndexStatement(table));
        // autovacuum would analyze the new table only a while after readers start on it; an index
        // build and ANALYZE lock each other out, so it comes after them, beside the links' chain
        Runnable analyze = () -> dialect.analyze(table).ifPresent(jdbc::execute);
        if (staging == null) {
            ConcurrentStatements.execute(jdbc, tableIndexes, concurrently);
            analyze.run();
            return;
        }
        ConcurrentStatements.run(List.of(() -> {
            tableIndexes.forEach(jdbc::execute);
            analyze.run();
        }, () -> {
            staging.awaitStored();
            links.stagedIndexStatements(versionId).forEach(jdbc::execute);
            links.constrainStaged(versionId, layerId);
        }), concurrently);
    }
}
