package org.changchun.layout.geo;

import net.sf.geographiclib.Geodesic;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Lengths and distances of lon/lat geometries on the WGS84 ellipsoid (GeographicLib, as
 * {@link GeodesicArea}), in metres.
 */
public final class GeodesicLength {

    private GeodesicLength() {
    }

    /** The length in metres of the lines in a WGS84 lon/lat geometry; points and areas have none (0). */
    public static double metres(Geometry geometry) {
        double metres = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof LineString line) {
                Coordinate[] coordinates = line.getCoordinates();
                for (int c = 1; c < coordinates.length; c++) {
                    metres += between(coordinates[c - 1], coordinates[c]);
                }
            } else if (part != geometry) {
                metres += metres(part);
            }
        }
        return metres;
    }

    /** The distance in metres between two lon/lat positions, along the ellipsoid's geodesic. */
    public static double between(Coordinate from, Coordinate to) {
        return Geodesic.WGS84.Inverse(from.y, from.x, to.y, to.x).s12;
    }
}
