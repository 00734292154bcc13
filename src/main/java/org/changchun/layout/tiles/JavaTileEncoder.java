package org.changchun.layout.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.store.Feature;
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
 * its grid (which is the simplification for the zoom) and made valid again, null attributes left out, the feature id as attribute {@code id}, and thinned points
 * merged per grid cell exactly as {@code ST_SnapToGrid} does.
 */
final class JavaTileEncoder implements NativeTiles {

    private final FeatureStore store;
    private final GeometryFactory tileGeometries = new GeometryFactory();

    JavaTileEncoder(FeatureStore store) {
        this.store = store;
    }

    @Override
    public byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers) {
        TileAddress address = new TileAddress(z, y, x);
        Envelope tile = address.mercator();
        Envelope clip = address.mercator(extent, buffer);
        Envelope read = WebMercator.toLonLat(clip);
        MvtLayerParams params = new MvtLayerParams(extent);
        Geometry clipArea = tileGeometries.toGeometry(clip);
        List<JtsLayer> encoded = new ArrayList<>();
        for (Layer layer : layers) {
            List<Feature> features = store.query(new FeatureQuery(layer.layerId(),
                    Optional.of(read), null, List.of(), FeatureQuery.NO_LIMIT, 0)).features();
            List<Geometry> drawn = new ArrayList<>();
            Map<Coordinate, Long> pointsPerCell = new LinkedHashMap<>();
            for (Feature feature : features) {
                Geometry inTile = JtsAdapter.createTileGeom(clipped(WebMercator.project(feature.geometry()), clip,
                        clipArea), tile, clip, tileGeometries, params, g -> true);
                if (inTile.isEmpty()) {
                    continue;
                }
                if (inTile.getDimension() == 2 && !inTile.isValid()) {
                    // snapping to the tile grid can make rings touch or cross; ST_AsMVTGeom repairs them too
                    inTile = GeometryFixer.fix(inTile);
                }
                if (layer.pointCellPixels() > 0 && inTile instanceof Point point) {
                    Coordinate cell = new Coordinate(snap(point.getX(), layer.pointCellPixels()),
                            snap(point.getY(), layer.pointCellPixels()));
                    pointsPerCell.merge(cell, 1L, Long::sum);
                    continue;
                }
                inTile.setUserData(attributes(feature));
                drawn.add(inTile);
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
        return MvtEncoder.encode(new JtsMvt(encoded), params, new UserDataKeyValueMapConverter());
    }

    /**
     * The part of a line or polygon within the buffered tile. The adapter clips too, with JTS's
     * original overlay, which nodes every segment of the whole geometry: a district boundary at
     * z14 cost most of a tile's time. OverlayNG clips to the rectangle first; what is left for the
     * adapter lies inside it already.
     */
    private static Geometry clipped(Geometry geometry, Envelope clip, Geometry clipArea) {
        if (geometry.getDimension() == 0 || clip.contains(geometry.getEnvelopeInternal())) {
            return geometry;
        }
        return OverlayNGRobust.overlay(geometry, clipArea, OverlayNG.INTERSECTION);
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
