package org.changchun.layout.coverage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the coverage questions ({@code plan.coverage.*}).
 *
 * @param maxFeatures the most features one answer may list and add up; a larger answer is refused
 *                    with a 400 that suggests a smaller area or the paged OGC items API
 */
@Validated
@ConfigurationProperties("plan.coverage")
record CoverageProperties(@Min(1) int maxFeatures) {
}
