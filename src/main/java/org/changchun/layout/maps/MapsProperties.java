package org.changchun.layout.maps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds and caching of rendered maps ({@code plan.maps.*}).
 *
 * @param maxSize        the widest and tallest map drawn, in pixels: a 4096 × 4096 ARGB image takes 64 MB while it
 *                       is drawn, so a few at once stay well within the heap
 * @param maxFeatures    the most features of one layer drawn in one map; a map that would hold more is refused
 *                       with a request to zoom in, rather than read into memory
 * @param cacheSize      bound of the in-memory cache of encoded maps (0 turns it off)
 * @param maxAge         {@code Cache-Control: max-age} of maps, in seconds
 */
@Validated
@ConfigurationProperties("plan.maps")
public record MapsProperties(
        @DefaultValue("4096") @Min(64) @Max(8192) int maxSize,
        @DefaultValue("200000") @Min(1) int maxFeatures,
        @DefaultValue("64MB") @NotNull DataSize cacheSize,
        @DefaultValue("60") @Min(0) int maxAge) {
}
