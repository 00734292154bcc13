package org.changchun.layout.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The points of big layers in memory ({@link PointCells}), one per layer and data version,
 * within a memory budget, and a tile's merged points drawn from them. A write to a layer gives it a
 * new data version, so the next tile asks for new cells; the old ones age out.
 */
final class MergedPoints {

    private static final Logger LOG = LoggerFactory.getLogger(MergedPoints.class);
    private static final String POINT = "Point";
    /** The geometry type of a layer whose features are of several types ({@link LayerInfo#geometryType}). */
    private static final String MIXED = "Geometry";

    private final FeatureStore store;
    private final long budget;
    private final Cache<LayerVersion, PointCells> cells;
    private final GeometryFactory tileGeometries = new GeometryFactory();

    private record LayerVersion(String layerId, long dataVersion) {
    }

    /**
     * @param budget how much memory the layers' points may hold together; a layer whose points would
     *               not fit is read from the store for every tile
     */
    MergedPoints(FeatureStore store, DataSize budget) {
        this.store = store;
        this.budget = budget.toBytes();
        this.cells = Caffeine.newBuilder()
                .maximumWeight(this.budget)
                .weigher((LayerVersion layer, PointCells held) -> (int) Math.min(Integer.MAX_VALUE, held.bytes()))
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /**
     * Whether the layer's points can be held: its features are points, or of mixed types (a project
     * library of points and polygons), and would fit the budget were they all points.
     */
    boolean holdable(LayerInfo layer) {
        return (onlyPoints(layer) || MIXED.equals(layer.geometryType())) && budget > 0
                && layer.featureCount() * PointCells.BYTES_PER_POINT <= budget;
    }

    /** Whether all the layer's features are points, so that its merged-point tiles need nothing else. */
    static boolean onlyPoints(LayerInfo layer) {
        return POINT.equals(layer.geometryType());
    }

    /** The layer's points as of its data version, read now if they are not held yet (the caller waits). */
    PointCells cells(LayerInfo layer) {
        return cells.get(new LayerVersion(layer.id(), layer.dataVersion()), key -> read(layer));
    }

    /** The layer's points as of its data version if they are held already. */
    Optional<PointCells> ifHeld(LayerInfo layer) {
        return Optional.ofNullable(cells.getIfPresent(new LayerVersion(layer.id(), layer.dataVersion())));
    }

    /** Reads the layer's points ahead of its first tile, if they can be held. */
    void prepare(LayerInfo layer) {
        if (holdable(layer)) {
            cells(layer);
        }
    }

    /**
     * How many of the layer's points lie in the tile (its buffer aside), from its points in memory,
     * read now if they are not held yet: the answer decides what the tile draws, so it may not
     * depend on whether they happen to be held.
     */
    int pointsIn(LayerInfo layer, int z, int x, int y) {
        return cells(layer).count(z, x, y);
    }

    /** How many layers' points are held now. */
    long held() {
        cells.cleanUp();
        return cells.estimatedSize();
    }

    private PointCells read(LayerInfo layer) {
        long started = System.nanoTime();
        PointCells read = PointCells.of(store, layer.id(), layer.featureCount());
        LOG.info("Points of layer {} (data version {}) held for merged-point tiles: {} points, {} KB, read in {} ms",
                layer.id(), layer.dataVersion(), read.size(), read.bytes() / 1024, (System.nanoTime() - started) / 1_000_000);
        return read;
    }

    /** The merged points, one per cell with its {@code point_count}, in the order of their cells' centres. */
    List<Geometry> draw(SortedMap<Coordinate, Long> pointsPerCell) {
        List<Geometry> drawn = new ArrayList<>(pointsPerCell.size());
        pointsPerCell.forEach((cell, count) -> {
            Point merged = tileGeometries.createPoint(cell);
            merged.setUserData(Map.of("point_count", count));
            drawn.add(merged);
        });
        return drawn;
    }

    /**
     * One tile's layer of merged points from the held points of a layer of points only, encoded on
     * its own (tiles are concatenations of layers, so it can be joined to layers encoded elsewhere);
     * empty when the layer's points are not held yet, or the tile has no cells these points can fill.
     */
    Optional<byte[]> tileLayer(LayerInfo layer, String mvtLayerName, int z, int x, int y, int extent, int buffer,
                               int cellPixels) {
        return counted(layer, z, x, y, extent, buffer, cellPixels)
                .map(cells -> cells.isEmpty() ? new byte[0] : cells.encode(mvtLayerName, extent));
    }

    /**
     * One tile's merged points from the held points of a layer, counted; empty when the layer's
     * points are not held yet, or the tile has no cells these points can fill.
     */
    Optional<MergedPointTile> counted(LayerInfo layer, int z, int x, int y, int extent, int buffer, int cellPixels) {
        Optional<MergeCells> tile = MergeCells.of(z, x, y, extent, buffer, cellPixels);
        Optional<PointCells> held = ifHeld(layer);
        if (tile.isEmpty() || held.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MergedPointTile.count(held.get(), tile.get()));
    }
}
