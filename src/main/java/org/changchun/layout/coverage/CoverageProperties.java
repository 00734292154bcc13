package org.changchun.layout.coverage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the coverage questions ({@code plan.coverage.*}).
 *
 * @param maxFeatures the most features one answer may list; an area with more is answered with
 *                    the totals of all of them, added up as they stream from the store, and without
 *                    the features, which the paged OGC items API gives
 */
@Validated
@ConfigurationProperties("plan.coverage")
record CoverageProperties(@Min(1) int maxFeatures) {
}
