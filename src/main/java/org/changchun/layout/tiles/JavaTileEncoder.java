package org.changchun.layout.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.changchun.layout.feature.Feature;
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

/**
 * Encodes vector tiles in Java, for stores that cannot (H2GIS), with the same rules as PostGIS's
 * {@code ST_AsMVTGeom}/{@code ST_AsMVT}: geometries clipped to the buffered tile, snapped to
 * its grid (which is the simplification for the zoom) and made valid again, null attributes left
 * out, the feature id as attribute {@code id}, and thinned points merged per cell by the rule of
 * {@link MergeCells}.
 *
 * <p>Where a layer's points are merged per cell, they come from memory ({@link MergedPoints}) rather
 * than from the store, read once per data version of the layer; a layer of points only then needs no
 * query at all.
 */
final class JavaTileEncoder implements NativeTiles {

    private final FeatureStore store;
    private final MergedPoints mergedPoints;
    private final GeometryFactory tileGeometries = new GeometryFactory();

    /** One tile's boxes and grid, the same for each of its layers. */
    private record Frame(Envelope clip, Envelope read, Geometry clipArea, TileGrid grid,
                         MvtLayerParams params) {
    }

    JavaTileEncoder(FeatureStore store, MergedPoints mergedPoints) {
        this.store = store;
        this.mergedPoints = mergedPoints;
    }

    @Override
    public byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers) {
        TileAddress address = new TileAddress(z, y, x);
        Envelope tile = address.mercator();
        Envelope clip = address.mercator(extent, buffer);
        Frame frame = new Frame(clip, WebMercator.toLonLat(clip), tileGeometries.toGeometry(clip),
                new TileGrid(tile, clip, extent), new MvtLayerParams(extent));
        // a tile is the concatenation of its layers, each encoded on its own
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        for (Layer layer : layers) {
            Optional<MergeCells> cells = layer.pointCellPixels() > 0
                    ? MergeCells.of(z, x, y, extent, buffer, layer.pointCellPixels()) : Optional.empty();
            if (cells.isPresent() && !layer.pointsDrawnElsewhere() && MergedPoints.onlyPoints(layer.layer())
                    && mergedPoints.holdable(layer.layer())) {
                MergedPointTile merged = MergedPointTile.count(mergedPoints.cells(layer.layer()), cells.get());
                if (!merged.isEmpty()) {
                    encoded.writeBytes(merged.encode(layer.mvtLayerName(), extent));
                }
                continue;
            }
            List<Geometry> drawn = new ArrayList<>();
            // ordered, so that a tile's bytes do not depend on the order its points were read in
            SortedMap<Coordinate, Long> pointsPerCell = new TreeMap<>();
            boolean pointsCounted = cells.isPresent()
                    && (layer.pointsDrawnElsewhere() || countHeldPoints(layer, cells.get(), pointsPerCell));
            if (!pointsCounted || !MergedPoints.onlyPoints(layer.layer())) {
                drawFeatures(layer, frame, cells, pointsCounted, drawn, pointsPerCell);
            }
            drawn.addAll(mergedPoints.draw(pointsPerCell));
            if (!drawn.isEmpty()) {
                encoded.writeBytes(MvtEncoder.encode(new JtsMvt(List.of(new JtsLayer(layer.mvtLayerName(), drawn, extent))),
                        frame.params(), new UserDataKeyValueMapConverter()));
            }
        }
        return encoded.toByteArray();
    }

    /** Counts the layer's merged points from the points held in memory, if it holds them, without reading them. */
    private boolean countHeldPoints(Layer layer, MergeCells cells, Map<Coordinate, Long> pointsPerCell) {
        if (!mergedPoints.holdable(layer.layer())) {
            return false;
        }
        MergedPointTile.count(mergedPoints.cells(layer.layer()), cells).countInto(pointsPerCell);
        return true;
    }

    /**
     * The layer's features from the store: drawn with their attributes, or counted per cell when merged
     * (and left out when counted from memory or drawn elsewhere).
     */
    private void drawFeatures(Layer layer, Frame frame, Optional<MergeCells> cells, boolean pointsCounted,
                              List<Geometry> drawn, Map<Coordinate, Long> pointsPerCell) {
        List<Feature> features = store.query(new FeatureQuery(layer.layerId(),
                Optional.of(frame.read()), null, List.of(), FeatureQuery.NO_LIMIT, 0)).features();
        for (Feature feature : features) {
            // a point merges; a multipoint, even one folded into a single point on the grid, is drawn whole
            if (cells.isPresent() && feature.geometry() instanceof Point point && !point.isEmpty()) {
                if (pointsCounted) {
                    continue;
                }
                MergeCells tile = cells.get();
                long column = PointCells.column(WebMercator.x(point.getX()), tile.level());
                long row = PointCells.row(WebMercator.y(point.getY()), tile.level());
                if (tile.holds(column, row)) {
                    pointsPerCell.merge(tile.centre(column, row), 1L, Long::sum);
                }
                continue;
            }
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
            inTile.setUserData(attributes(feature));
            drawn.add(inTile);
        }
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
