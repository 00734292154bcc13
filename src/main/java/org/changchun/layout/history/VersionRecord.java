package org.changchun.layout.history;

import java.time.OffsetDateTime;

/**
 * One version written to a layer, as its history lists it.
 *
 * @param state       {@code current}, {@code kept} (replaced, restorable and comparable) or
 *                    {@code discarded} (replaced and dropped by retention)
 * @param createdBy   the account that wrote it; null when the service did (the plan data)
 * @param replacedAt  when it stopped being current; null while current, and for versions replaced
 *                    before this was recorded
 * @param discardedAt when retention dropped it
 */
public record VersionRecord(long version, String state, long featureCount, String geometryType, String checksum,
                            OffsetDateTime createdAt, String createdBy, OffsetDateTime replacedAt,
                            OffsetDateTime discardedAt) {

    public boolean isKept() {
        return !"discarded".equals(state);
    }

    public boolean isCurrent() {
        return "current".equals(state);
    }
}
