package org.changchun.layout.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;

/** Distances between lon/lat points on the WGS84 ellipsoid (GeographicLib), in metres. */
public final class GeodesicDistance {

    private GeodesicDistance() {
    }

    /** The length of the shortest path on the ellipsoid between two WGS84 lon/lat coordinates. */
    public static double metres(Coordinate a, Coordinate b) {
        return Geodesic.WGS84.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.DISTANCE).s12;
    }
}
