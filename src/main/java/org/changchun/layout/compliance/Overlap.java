package org.changchun.layout.compliance;

import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.geo.GeodesicArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * How much of a site lies in a polygon: the part inside (the site itself when the polygon covers it,
 * which needs no overlay), its area on the ellipsoid and its share of the site. A site of points
 * counts its points: a point lies in a polygon or not, and has no area.
 *
 * @param piece    the part of the site inside the polygon
 * @param m2       its area on the ellipsoid in m² (0 for points)
 * @param sharePct its share of the site in % (for points, of the points)
 */
record Overlap(Geometry piece, double m2, double sharePct) {

    /** A share at or above this (in %) is all of the site: measuring a union of pieces loses a little. */
    static final double WHOLE = 99.9;

    /** The overlap of a site with a polygon, or null when they share no area (or, for points, no point). */
    static Overlap of(Site site, Geometry polygon, PreparedGeometry prepared) {
        Geometry geometry = site.geometry();
        if (!prepared.intersects(geometry)) {
            return null;
        }
        if (site.isPuntal()) {
            List<Geometry> inside = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                if (prepared.covers(geometry.getGeometryN(i))) {
                    inside.add(geometry.getGeometryN(i));
                }
            }
            return inside.isEmpty() ? null : new Overlap(geometry.getFactory().buildGeometry(inside), 0,
                    100.0 * inside.size() / geometry.getNumGeometries());
        }
        if (prepared.covers(geometry)) {
            return new Overlap(geometry, site.areaM2(), 100);
        }
        Geometry piece = polygons(OverlayNGRobust.overlay(geometry, polygon, OverlayNG.INTERSECTION));
        double m2 = GeodesicArea.squareKilometres(piece) * 1_000_000;
        return m2 <= 0 ? null : new Overlap(piece, m2, Math.min(100, 100 * m2 / site.areaM2()));
    }

    /** The share of the site, in %, that lies in any of the pieces (which may overlap each other). */
    static double shareOfUnion(Site site, List<Overlap> overlaps) {
        if (overlaps.isEmpty()) {
            return 0;
        }
        if (overlaps.stream().anyMatch(o -> o.sharePct() >= 100)) {
            return 100;
        }
        if (overlaps.size() == 1) {
            return overlaps.get(0).sharePct();
        }
        Geometry union = UnaryUnionOp.union(overlaps.stream().map(Overlap::piece).toList());
        if (site.isPuntal()) {
            return 100.0 * union.getNumGeometries() / site.geometry().getNumGeometries();
        }
        return Math.min(100, 100 * GeodesicArea.squareKilometres(union) * 1_000_000 / site.areaM2());
    }

    /** The polygons of an overlay's result: lines and points where edges only touch have no area. */
    static Geometry polygons(Geometry overlay) {
        if (overlay instanceof Polygonal || overlay.isEmpty()) {
            return overlay;
        }
        @SuppressWarnings("unchecked")
        List<Geometry> polygons = PolygonExtracter.getPolygons(overlay);
        return overlay.getFactory().buildGeometry(polygons);
    }
}
