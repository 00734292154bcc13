package org.changchun.layout.plan;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How zones are matched to districts ({@code plan.overlay.*}).
 *
 * @param minShare the share of a zone's area (0..1) that must lie in a district for the
 *                 district to count as supporting the zone's city; below it, a zone only grazes
 *                 the district (the schematic zones and generalised boundaries are not exact)
 */
@Validated
@ConfigurationProperties("plan.overlay")
public record OverlayProperties(@DecimalMin("0") @DecimalMax("1") double minShare) {
}
