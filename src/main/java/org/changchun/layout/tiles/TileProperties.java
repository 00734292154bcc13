package org.changchun.layout.tiles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Vector tile settings ({@code plan.tiles.*}).
 *
 * @param maxAge          how long clients and CDNs may keep a tile without asking again
 * @param cacheSize       the in-memory tile cache's bound, in bytes; 0 turns it off
 * @param maxZoom         the deepest zoom served
 * @param extent          tile coordinate units per side
 * @param buffer          units drawn beyond each side, so lines and labels meet across tiles
 * @param fullDetailZoom  from this zoom on every point is drawn; below it, the points of big
 *                        layers are thinned
 * @param thinAbove       a layer with more features than this has its points thinned below
 *                        {@code fullDetailZoom}
 * @param pointCellPixels the grid cell (in tile units) within which thinned points merge into one
 *                        carrying {@code point_count}
 * @param pointIndexSize  the memory the embedded store's tiles may keep the points of thinned point
 *                        layers in (16 bytes a point); 0 reads them from the store for every tile
 */
@Validated
@ConfigurationProperties("plan.tiles")
public record TileProperties(
        @NotNull Duration maxAge,
        @NotNull DataSize cacheSize,
        @Min(0) @Max(24) int maxZoom,
        @Min(256) @Max(16384) int extent,
        @Min(0) @Max(2048) int buffer,
        @Min(0) @Max(24) int fullDetailZoom,
        @Min(0) long thinAbove,
        @Min(1) @Max(1024) int pointCellPixels,
        @NotNull DataSize pointIndexSize) {
}
