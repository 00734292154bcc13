package org.changchun.layout.store.jdbc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which layer versions stay and which go: the previous versions a layer keeps restorable (so many,
 * for so long), and the versions that never became current, from a write that failed or whose
 * process died. A version goes with its table and the links it staged; a failure to drop is logged
 * and retried by the next write or sweep, never thrown at a write that has already committed.
 */
final class VersionRetention {

    private static final Logger log = LoggerFactory.getLogger(VersionRetention.class);

    private final CatalogTables catalog;
    private final FeatureTables features;
    private final LinkTables links;
    private final int keptPreviousVersions;
    private final Optional<Duration> previousVersionsMaxAge;
    private final Duration abandonedAfter;

    /**
     * @param keptPreviousVersions   how many replaced versions of a layer stay restorable
     * @param previousVersionsMaxAge how long after it was replaced a version stays, at most
     * @param abandonedAfter         how long an unfinished write may stay silent before
     *                               {@link #discardUnfinishedWrites()} takes it for dead
     */
    VersionRetention(CatalogTables catalog, FeatureTables features, LinkTables links, int keptPreviousVersions,
                     Optional<Duration> previousVersionsMaxAge, Duration abandonedAfter) {
        this.catalog = catalog;
        this.features = features;
        this.links = links;
        this.keptPreviousVersions = keptPreviousVersions;
        this.previousVersionsMaxAge = previousVersionsMaxAge;
        this.abandonedAfter = abandonedAfter;
    }

    /** Drops the tables of the previous versions the layer no longer keeps. */
    void dropSurplusVersions(String layerId) {
        Optional<OffsetDateTime> replacedBefore = previousVersionsMaxAge
                .map(maxAge -> OffsetDateTime.now(ZoneOffset.UTC).minus(maxAge));
        for (long versionId : catalog.surplusPreviousVersions(layerId, keptPreviousVersions, replacedBefore)) {
            try {
                if (catalog.markDiscarded(versionId)) {
                    features.drop(LayerTable.tableName(versionId));
                }
            } catch (RuntimeException e) {
                log.error("Could not drop layer version {}; the next write or sweep will retry", versionId, e);
            }
        }
    }

    /** Drops, in every layer, the previous versions replaced longer ago than they may stay. */
    void discardExpiredVersions() {
        previousVersionsMaxAge.ifPresent(maxAge -> {
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(maxAge);
            catalog.layersWithPreviousVersionsReplacedBefore(before).forEach(this::dropSurplusVersions);
        });
    }

    /** Drops the versions whose writes have been silent too long to be still running. */
    void discardUnfinishedWrites() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(abandonedAfter);
        for (long versionId : catalog.abandonedVersions(before)) {
            log.warn("Discarding layer version {}: its write never finished", versionId);
            discardUnfinished(versionId);
        }
    }

    /** Drops a version that never became current, with the links it staged (their connection let go first). */
    void discardUnfinished(long versionId, LinkStaging staging) {
        if (staging != null) {
            staging.close();
        }
        discardUnfinished(versionId);
    }

    /** Drops a version that never became current, with the links it staged. */
    private void discardUnfinished(long versionId) {
        try {
            links.dropStaged(versionId);
            features.drop(LayerTable.tableName(versionId));
            catalog.deleteVersion(versionId);
        } catch (RuntimeException e) {
            log.error("Could not discard layer version {}; discardUnfinishedWrites will retry", versionId, e);
        }
    }
}
