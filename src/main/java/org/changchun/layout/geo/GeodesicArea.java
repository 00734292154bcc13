package org.changchun.layout.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of lon/lat geometries measured on the WGS84 ellipsoid (GeographicLib, Karney 2013), so
 * they are true areas in square kilometres at any latitude, never "square degrees".
 */
public final class GeodesicArea {

    private static final double SQUARE_METRES_PER_KM2 = 1_000_000d;

    private GeodesicArea() {
    }

    /**
     * The area in km² of the polygons in a WGS84 lon/lat geometry: each shell minus its holes,
     * whatever the rings' orientation. Points and lines have no area (0).
     */
    public static double squareKilometres(Geometry geometry) {
        double squareMetres = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                squareMetres += ring(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    squareMetres -= ring(polygon.getInteriorRingN(h));
                }
            } else if (part != geometry) {
                squareMetres += squareKilometres(part) * SQUARE_METRES_PER_KM2;
            }
        }
        return squareMetres / SQUARE_METRES_PER_KM2;
    }

    private static double ring(LineString ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] coordinates = ring.getCoordinates();
        // the closing point repeats the first; GeographicLib closes rings itself
        for (int i = 0; i < coordinates.length - 1; i++) {
            area.AddPoint(coordinates[i].y, coordinates[i].x);
        }
        return Math.abs(area.Compute(false, true).area);
    }
}
