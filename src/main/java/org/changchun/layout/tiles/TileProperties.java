package org.changchun.layout.tiles;

import jakarta.validation.constraints.AssertTrue;
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
 * @param pointCellPixels the cell (in tile units) within which thinned points merge into one
 *                        carrying {@code point_count}; it divides the extent into a power of two of
 *                        cells, so that cells nest from zoom to zoom ({@link MergeCells})
 * @param maxPointsPerTile from {@code fullDetailZoom} on, a tile in which a thinned layer has more
 *                        points than this merges them as below it (as tippecanoe's
 *                        {@code --cluster-densest-as-needed} keeps tiles small), if the layer's
 *                        points are held in memory ({@code pointIndexSize}); the next zoom in shows
 *                        fewer points per tile, so more of them one by one
 * @param pointIndexSize  the memory the tiles may keep the points of thinned point layers in (8 bytes
 *                        a point); 0 reads them from the store for every tile
 * @param maxConcurrentEncodes how many tiles are encoded at once, by the store or in Java; the others
 *                        wait their turn ({@link EncodeSlots}). 0: the processors this JVM may use,
 *                        plus one; where the database has more cores than the service, its cores plus one
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
        @Min(1) long maxPointsPerTile,
        @NotNull DataSize pointIndexSize,
        @Min(0) @Max(1024) int maxConcurrentEncodes) {

    /** {@link #maxConcurrentEncodes}, with 0 worked out for this machine. */
    public int concurrentEncodes() {
        return maxConcurrentEncodes == 0 ? EncodeSlots.forProcessors() : maxConcurrentEncodes;
    }

    /** The cells of merged points nest from zoom to zoom, down to the finest cells points are held at. */
    @AssertTrue(message = "plan.tiles.extent / plan.tiles.point-cell-pixels 须为 2 的幂，且合并点的最细网格不超过 2^31 格 / "
            + "plan.tiles.extent divided by plan.tiles.point-cell-pixels must be a power of two, and the cells of merged "
            + "points at the zoom below plan.tiles.full-detail-zoom no finer than 2^31 per side of the world")
    public boolean isPointCellNesting() {
        return extent % pointCellPixels == 0 && Integer.bitCount(extent / pointCellPixels) == 1
                && fullDetailZoom - 1 + Integer.numberOfTrailingZeros(extent / pointCellPixels) <= PointCells.FINEST_LEVEL;
    }
}
