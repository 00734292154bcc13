package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a filled layer version ready to read: its table put in spatial order (unless its features
 * came so), analyzed and indexed; beside that, its staged links stored (where they were set aside
 * until the features were in) and indexed. Where the database builds indexes side by side the two
 * chains run on connections of their own, so they take about as long as the longer of them.
 */
final class VersionIndexes {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SpatialDialect dialect;
    private final FeatureTables features;
    private final LinkTables links;

    VersionIndexes(JdbcTemplate jdbc, TransactionTemplate transactions, SpatialDialect dialect, FeatureTables features,
                   LinkTables links) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = dialect;
        this.features = features;
        this.links = links;
    }

    /**
     * @param staging        the version's staged links, their linking finished; null for a layer without links
     * @param inSpatialOrder whether the features came in spatial order ({@link SourceOrder}): no rewrite then
     */
    void build(String table, long versionId, String layerId, LinkStaging staging, boolean inSpatialOrder) {
        boolean concurrently = dialect.buildsIndexesConcurrently();
        List<Runnable> builds = new ArrayList<>();
        builds.add(() -> {
            transactions.executeWithoutResult(status -> features.orderBySpace(table, inSpatialOrder));
            // autovacuum would analyze the new table only a while after readers start on it
            dialect.analyze(table).ifPresent(jdbc::execute);
            ConcurrentStatements.execute(jdbc, List.of(features.idIndexStatement(table),
                    features.spatialIndexStatement(table)), concurrently);
        });
        if (staging != null) {
            builds.add(() -> {
                staging.store();
                ConcurrentStatements.execute(jdbc, links.stagedIndexStatements(versionId), concurrently);
            });
        }
        ConcurrentStatements.run(builds, concurrently);
        if (staging != null) {
            links.constrainStaged(versionId, layerId);
        }
    }
}
