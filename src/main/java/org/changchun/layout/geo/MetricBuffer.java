package org.changchun.layout.geo;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Buffers a WGS84 lon/lat geometry by a distance in metres. The geometry is projected to a
 * transverse Mercator centred on it, where metres are true to well under 0.1 % within 100 km,
 * buffered there and projected back, so "within 500 m" means 500 m on the ground at any latitude.
 */
public final class MetricBuffer {

    /** Beyond this the local projection's scale error would no longer be negligible. */
    public static final double MAX_METRES = 100_000;
    private static final CoordinateReferenceSystem WGS84 = Reprojection.crs(4326);

    private MetricBuffer() {
    }

    /**
     * @throws IllegalArgumentException if the distance is negative or over {@link #MAX_METRES}
     */
    public static Geometry buffer(Geometry lonLat, double metres) {
        if (!(metres >= 0 && metres <= MAX_METRES)) {
            throw new IllegalArgumentException("distance must be 0 to " + (long) MAX_METRES + " metres: " + metres);
        }
        Point centre = lonLat.getEnvelope().getCentroid();
        CoordinateReferenceSystem local = Reprojection.fromProj4("local-tmerc", String.format(Locale.ROOT,
                "+proj=tmerc +lat_0=%.6f +lon_0=%.6f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
                centre.getY(), centre.getX()));
        Geometry projected = Reprojection.transform(lonLat, WGS84, local);
        Geometry buffered = Reprojection.transform(projected.buffer(metres, 16), local, WGS84);
        buffered.setSRID(4326);
        return buffered;
    }
}
