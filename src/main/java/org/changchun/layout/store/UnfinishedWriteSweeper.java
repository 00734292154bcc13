package org.changchun.layout.store;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes layer versions whose writer died (a process killed during an import) while the service
 * keeps running, not only at the next start: their tables would otherwise hold disk space until a
 * restart. A live write sends a heartbeat, so only writes silent for
 * {@code plan.store.abandoned-after} are taken, also those of other replicas. Previous versions
 * that grew older than {@code plan.store.previous-versions-max-age} go in the same round.
 */
@Component
class UnfinishedWriteSweeper {

    private final FeatureStore store;

    UnfinishedWriteSweeper(FeatureStore store) {
        this.store = store;
    }

    @Scheduled(initialDelayString = "${plan.store.sweep-interval:1m}", fixedDelayString = "${plan.store.sweep-interval:1m}")
    void sweep() {
        store.discardUnfinishedWrites();
        store.discardExpiredVersions();
    }
}
