package org.changchun.layout.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.NativeTiles;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Encodes vector tiles in Java, for stores that cannot (H2GIS), with the same rules as PostGIS's
 * {@code ST_AsMVTGeom}/{@code ST_AsMVT}: geometries clipped to the buffered tile, snapped to
 * its grid (which is the simplification for the zoom) and made valid again, null attributes left
 * out, the feature id as attribute {@code id}, and thinned points merged per grid cell exactly as
 * {@code ST_SnapToGrid} does.
 *
 * <p>Where a layer's points are merged per cell and all its features are points, the points come
 * from a {@link PointIndex} in memory rather than from the store, built once per data version of
 * the layer.
 */
final class JavaTileEncoder implements NativeTiles {

    private static final Logger LOG = LoggerFactory.getLogger(JavaTileEncoder.class);
    private static final String POINT = "Point";

    private final FeatureStore store;
    private final GeometryFactory tileGeometries = new GeometryFactory();
    private final long pointIndexBytes;
    /** By layer and data version: a write to a layer makes the next tile build a new index; the old one ages out. */
    private final Cache<IndexedLayer, PointIndex> pointIndexes;

    private record IndexedLayer(String layerId, long dataVersion) {
    }

    /** One tile's boxes and grid, the same for each of its layers. */
    private record Frame(Envelope clip, Envelope read, Geometry clipArea, TileGrid grid,
                         MvtLayerParams params) {
    }

    /**
     * @param pointIndexSize how much memory the point indexes may hold together; a layer whose
     *                       points would not fit is read from the store for every tile
     */
    JavaTileEncoder(FeatureStore store, DataSize pointIndexSize) {
        this.store = store;
        this.pointIndexBytes = pointIndexSize.toBytes();
        this.pointIndexes = Caffeine.newBuilder()
                .maximumWeight(pointIndexBytes)
                .weigher((IndexedLayer layer, PointIndex index) -> (int) Math.min(Integer.MAX_VALUE, index.bytes()))
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    @Override
    public byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers) {
        TileAddress address = new TileAddress(z, y, x);
        Envelope tile = address.mercator();
        Envelope clip = address.mercator(extent, buffer);
        Frame frame = new Frame(clip, WebMercator.toLonLat(clip), tileGeometries.toGeometry(clip),
                new TileGrid(tile, clip, extent), new MvtLayerParams(extent));
        List<JtsLayer> encoded = new ArrayList<>();
        for (Layer layer : layers) {
            List<Geometry> drawn = new ArrayList<>();
            // ordered, so that a tile's bytes do not depend on the order its points were read in
            Map<Coordinate, Long> pointsPerCell = new TreeMap<>();
            Optional<PointIndex> index = layer.pointCellPixels() > 0 ? pointIndex(layer.layer()) : Optional.empty();
            if (index.isPresent()) {
                index.get().forEachIn(clip, (px, py) -> pointsPerCell.merge(
                        cell(frame.grid().onGrid(px, py), layer.pointCellPixels()), 1L, Long::sum));
            } else {
                drawFeatures(layer, frame, drawn, pointsPerCell);
            }
            pointsPerCell.forEach((cell, count) -> {
                Point merged = tileGeometries.createPoint(cell);
                merged.setUserData(Map.of("point_count", count));
                drawn.add(merged);
            });
            if (!drawn.isEmpty()) {
                encoded.add(new JtsLayer(layer.mvtLayerName(), drawn, extent));
            }
        }
        if (encoded.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(encoded), frame.params(), new UserDataKeyValueMapConverter());
    }

    /** The layer's features from the store: drawn with their attributes, or counted per cell when thinned. */
    private void drawFeatures(Layer layer, Frame frame, List<Geometry> drawn, Map<Coordinate, Long> pointsPerCell) {
        List<Feature> features = store.query(new FeatureQuery(layer.layerId(),
                Optional.of(frame.read()), null, List.of(), FeatureQuery.NO_LIMIT, 0)).features();
        for (Feature feature : features) {
            Geometry inTile;
            if (feature.geometry() instanceof Point point && !point.isEmpty()) {
                double px = WebMercator.x(point.getX());
                double py = WebMercator.y(point.getY());
                if (!frame.grid().covers(px, py)) {
                    continue;
                }
                inTile = tileGeometries.createPoint(frame.grid().onGrid(px, py));
            } else {
                inTile = frame.grid().onGrid(clipped(WebMercator.project(feature.geometry()), frame.clip(),
                        frame.clipArea()));
                if (inTile.isEmpty()) {
                    continue;
                }
                if (inTile.getDimension() == 2 && !inTile.isValid()) {
                    // snapping to the tile grid can make rings touch or cross; ST_AsMVTGeom repairs them too
                    inTile = GeometryFixer.fix(inTile);
                }
            }
            // a point merges; a multipoint, even one folded into a single point on the grid, is drawn whole
            if (layer.pointCellPixels() > 0 && feature.geometry() instanceof Point) {
                pointsPerCell.merge(cell(inTile.getCoordinate(), layer.pointCellPixels()), 1L, Long::sum);
                continue;
            }
            inTile.setUserData(attributes(feature));
            drawn.add(inTile);
        }
    }

    @Override
    public void prepareMergedPoints(LayerInfo layer) {
        pointIndex(layer);
    }

    /** How many layers' points are held in memory now. */
    long pointIndexesHeld() {
        pointIndexes.cleanUp();
        return pointIndexes.estimatedSize();
    }

    /** The layer's point index, when all its features are points and they fit the memory allowed. */
    private Optional<PointIndex> pointIndex(LayerInfo layer) {
        if (!POINT.equals(layer.geometryType()) || pointIndexBytes <= 0
                || layer.featureCount() * PointIndex.BYTES_PER_POINT > pointIndexBytes) {
            return Optional.empty();
        }
        return Optional.of(pointIndexes.get(new IndexedLayer(layer.id(), layer.dataVersion()), key -> {
            long started = System.nanoTime();
            PointIndex index = PointIndex.of(store, key.layerId());
            LOG.info("Point index of layer {} (data version {}): {} points, {} KB, built in {} ms", key.layerId(),
                    key.dataVersion(), index.size(), index.bytes() / 1024, (System.nanoTime() - started) / 1_000_000);
            return index;
        }));
    }

    /**
     * The part of a multipoint, line or polygon within the buffered tile. The adapter would clip with
     * JTS's original overlay, which nodes every segment of the whole geometry: a district boundary at
     * z14 cost most of a tile's time. OverlayNG clips to the rectangle first.
     */
    private static Geometry clipped(Geometry geometry, Envelope clip, Geometry clipArea) {
        if (clip.contains(geometry.getEnvelopeInternal())) {
            return geometry;
        }
        return OverlayNGRobust.overlay(geometry, clipArea, OverlayNG.INTERSECTION);
    }

    /** The grid cell a point on the tile grid merges into, as ST_SnapToGrid snaps it. */
    private static Coordinate cell(Coordinate onGrid, int cellPixels) {
        return new Coordinate(snap(onGrid.x, cellPixels), snap(onGrid.y, cellPixels));
    }

    /** Rounds to the nearest multiple of the cell, halves to even, as ST_SnapToGrid does. */
    private static double snap(double value, int cell) {
        return Math.rint(value / cell) * cell;
    }

    private static Map<String, Object> attributes(Feature feature) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (!feature.properties().containsKey("id")) {
            attributes.put("id", feature.id());
        }
        feature.properties().forEach((name, value) -> {
            if (value instanceof LocalDate date) {
                attributes.put(name, date.toString());
            } else if (value != null) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }
}
