package org.changchun.layout.store.jdbc;

import org.changchun.layout.store.WritePhase;
import org.changchun.layout.store.WriteProgress;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks a version alive while its write goes on, every {@value #EVERY_FEATURES} features, so that
 * {@code discardUnfinishedWrites} (of this process or another sharing the database) does not take
 * a long write for an abandoned one.
 */
final class Heartbeats {

    private static final long EVERY_FEATURES = 10_000;

    private final TransactionTemplate transactions;
    private final CatalogTables catalog;

    Heartbeats(TransactionTemplate writes, CatalogTables catalog) {
        // a heartbeat must be visible while the write's own transaction is still open
        this.transactions = new TransactionTemplate(writes.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.catalog = catalog;
    }

    /** The write's progress, which also beats for the version as features are written. */
    WriteProgress beating(long versionId, WriteProgress progress) {
        return new WriteProgress() {
            private long lastBeat;

            @Override
            public void written(long featuresWritten) {
                if (featuresWritten - lastBeat >= EVERY_FEATURES) {
                    transactions.executeWithoutResult(status -> catalog.heartbeat(versionId));
                    lastBeat = featuresWritten;
                }
                progress.written(featuresWritten);
            }

            @Override
            public void phase(WritePhase phase) {
                progress.phase(phase);
            }
        };
    }
}
