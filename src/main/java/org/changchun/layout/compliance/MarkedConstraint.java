package org.changchun.layout.compliance;

import java.time.OffsetDateTime;

/**
 * A layer an editor marked as a constraint, as stored.
 *
 * @param rule     the rule, as JSON (written and read by {@link ConstraintLayers})
 * @param markedBy the account that marked it
 */
public record MarkedConstraint(String layer, String rule, String markedBy, OffsetDateTime markedAt) {
}
