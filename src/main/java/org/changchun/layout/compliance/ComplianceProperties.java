package org.changchun.layout.compliance;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the compliance review ({@code plan.compliance.*}).
 *
 * @param maxSites           the most sites one batch review may hold (a layer with more is refused with a 400)
 * @param maxConflicts       the most overlapping feature pairs one conflict answer may hold
 * @param maxIndexedFeatures the most features of one layer held in memory for reviews: a constraint
 *                           layer, or the layer compared against in a conflict check
 */
@Validated
@ConfigurationProperties("plan.compliance")
record ComplianceProperties(@Min(1) int maxSites, @Min(1) int maxConflicts, @Min(1) int maxIndexedFeatures) {
}
