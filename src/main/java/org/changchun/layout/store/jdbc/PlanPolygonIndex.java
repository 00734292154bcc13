package org.changchun.layout.store.jdbc;

import java.util.List;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LinkRelation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The plan's polygons held in memory, prepared, while a source layer is written, so that each
 * feature's links are found as it streams past instead of by a spatial join once it is stored.
 * The relations are those of the join in {@link LinkTables}: {@code within} when the polygon
 * contains the feature ({@code ST_Contains}), {@code intersects} when they merely intersect.
 * JTS and GEOS share their predicates, so both ways give the same links (a store contract
 * test compares them). Points are placed in a {@link PolygonPointGrid} and, near a boundary,
 * located with an indexed point-in-polygon test; other
 * features are first placed in {@link PolygonCells}, and only those near a boundary get the
 * exact predicates.
 */
final class PlanPolygonIndex {

    /** Receives one link of the feature being tested. */
    interface LinkConsumer {
        void link(String targetLayer, String targetId, LinkRelation relation);
    }

    private record Target(String layerId, String featureId, PreparedGeometry prepared,
                          IndexedPointInAreaLocator pointLocator, PolygonPointGrid pointGrid, PolygonCells cells) {

        LinkRelation relationTo(Geometry feature) {
            // points, by far the most common big layer, take the grid's and the locator's shortcuts
            if (pointLocator != null && feature instanceof Point point && !point.isEmpty()) {
                int location = pointGrid == null ? -1 : pointGrid.locate(point.getX(), point.getY());
                if (location < 0) {
                    location = pointLocator.locate(point.getCoordinate());
                }
                return location == Location.INTERIOR ? LinkRelation.WITHIN
                        : location == Location.BOUNDARY ? LinkRelation.INTERSECTS : null;
            }
            if (cells != null) {
                switch (cells.classify(feature.getEnvelopeInternal())) {
                    case INSIDE:
                        return LinkRelation.WITHIN;
                    case OUTSIDE:
                        return null;
                    default:
                        break;
                }
            }
            // most features lie inside the polygons they touch, so one test usually settles it
            if (prepared.contains(feature)) {
                return LinkRelation.WITHIN;
            }
            return prepared.intersects(feature) ? LinkRelation.INTERSECTS : null;
        }
    }

    private final STRtree tree = new STRtree();

    /** @param targets the current tables of every layer whose polygons features are linked to */
    PlanPolygonIndex(FeatureTables features, List<LayerTable> targets) {
        for (LayerTable target : targets) {
            for (Feature feature : features.all(target)) {
                Geometry geometry = feature.geometry();
                IndexedPointInAreaLocator locator = geometry instanceof Polygonal
                        ? new IndexedPointInAreaLocator(geometry) : null;
                PolygonPointGrid grid = locator != null && PolygonPointGrid.worthwhile(geometry)
                        ? new PolygonPointGrid(geometry, locator) : null;
                tree.insert(geometry.getEnvelopeInternal(), new Target(target.layerId(), feature.id(),
                        PreparedGeometryFactory.prepare(geometry), locator, grid,
                        locator == null ? null : new PolygonCells(geometry, locator)));
            }
        }
        tree.build();
    }

    /** Hands every polygon that contains or intersects the geometry to the consumer. */
    void linksOf(Geometry geometry, LinkConsumer consumer) {
        tree.query(geometry.getEnvelopeInternal(), candidate -> {
            Target target = (Target) candidate;
            LinkRelation relation = target.relationTo(geometry);
            if (relation != null) {
                consumer.link(target.layerId(), target.featureId(), relation);
            }
        });
    }
}
