package org.changchun.layout.limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one request may ask ({@code plan.limits.*}); each is answered with a 4xx that
 * names it. Others live with what they bound: the items page size in the OGC API, uploads in
 * {@code spring.servlet.multipart}, imports in {@code plan.imports}, query time in
 * {@code plan.store.statement-timeout}.
 *
 * @param cql2MaxDepth  how deeply a CQL2 filter may nest
 * @param cql2MaxLength how long a CQL2 filter may be, in characters
 * @param maxBody       the largest request body other than an upload (GeoJSON features, drawn polygons)
 */
@Validated
@ConfigurationProperties("plan.limits")
public record LimitsProperties(
        @Min(1) @Max(1000) int cql2MaxDepth,
        @Min(1) int cql2MaxLength,
        @NotNull DataSize maxBody) {
}
