package org.changchun.layout.compliance;

import org.changchun.layout.geo.GeodesicDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * How far a site is from one area, on the ellipsoid. The nearest points are found in lon/lat
 * with longitudes shrunk by the cosine of Changchun's latitude (where a degree of longitude is
 * about 0.72 of a degree of latitude), over an index of the area's edges built once; the distance
 * is then the geodesic one between those two points. Across the municipality (43.1°–45.3°N) the
 * shrink differs from the true one by under 3 %, which can only pick a slightly farther pair of
 * points: the distance is exact for the pair found and at most a few per cent long.
 */
final class AreaDistance {

    /** The latitude of the city's centre, where a degree of longitude is measured against one of latitude. */
    private static final double LATITUDE = 43.9;
    private static final double SHRINK = Math.cos(Math.toRadians(LATITUDE));
    private static final AffineTransformation TO_PLANE = AffineTransformation.scaleInstance(SHRINK, 1);

    private final IndexedFacetDistance edges;

    AreaDistance(Geometry area) {
        this.edges = new IndexedFacetDistance(TO_PLANE.transform(area));
    }

    /** Metres from the site to the area's boundary, for a site outside the area. */
    double metres(Geometry site) {
        Coordinate[] nearest = edges.nearestPoints(TO_PLANE.transform(site));
        return GeodesicDistance.metres(toLonLat(nearest[0]), toLonLat(nearest[1]));
    }

    private static Coordinate toLonLat(Coordinate plane) {
        return new Coordinate(plane.x / SHRINK, plane.y);
    }
}
