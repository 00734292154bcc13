package org.changchun.layout.feature;

import java.time.OffsetDateTime;

/**
 * One stored version of a layer.
 *
 * @param current whether readers see this version now; the others are kept for restoring
 * @param checksum what the version was built from, as its writer described it
 * @param createdBy the account that wrote the version, null when the service did
 */
public record LayerVersion(long version, boolean current, long featureCount, String geometryType, String checksum,
                           OffsetDateTime createdAt, String createdBy) {
}
