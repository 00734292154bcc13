package org.changchun.layout.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of lon/lat geometries measured on the WGS84 ellipsoid (GeographicLib, Karney 2013), so
 * they are true areas in square kilometres at any latitude, never "square degrees". A small ring
 * (a parcel, a building) is measured on the authalic sphere instead, the sphere onto which the
 * ellipsoid maps with every area kept: there its edges' geodesics and great circles part by far
 * less than the areas' last shown digit, and the measure costs a seventh (a million parcels linked
 * and added up in an import spent a third of their time in GeographicLib).
 */
public final class GeodesicArea {

    private static final double SQUARE_METRES_PER_KM2 = 1_000_000d;
    /** The rings measured on the authalic sphere: at most this wide and high, in degrees (about 2 km). */
    static final double SMALL_RING_DEGREES = 0.02;
    private static final double E2 = Geodesic.WGS84.Flattening() * (2 - Geodesic.WGS84.Flattening());
    private static final double E = Math.sqrt(E2);
    private static final double Q_POLE = q(1);
    /** The authalic sphere's radius, squared (m²). */
    private static final double AUTHALIC_R2 = Geodesic.WGS84.EquatorialRadius() * Geodesic.WGS84.EquatorialRadius()
            * Q_POLE / 2;

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
        CoordinateSequence points = ring.getCoordinateSequence();
        Envelope box = ring.getEnvelopeInternal();
        return box.getWidth() <= SMALL_RING_DEGREES && box.getHeight() <= SMALL_RING_DEGREES
                ? authalicRing(points) : geodesicRing(points);
    }

    static double geodesicRing(CoordinateSequence points) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        // the closing point repeats the first; GeographicLib closes rings itself
        for (int i = 0; i < points.size() - 1; i++) {
            area.AddPoint(points.getY(i), points.getX(i));
        }
        return Math.abs(area.Compute(false, true).area);
    }

    /**
     * The ring's spherical excess on the authalic sphere, edge by edge: the signed excess of the
     * strip between each great-circle edge and the equator (Bevis and Cambareri 1987), in m².
     */
    static double authalicRing(CoordinateSequence points) {
        int n = points.size();
        if (n < 4) {
            return 0;
        }
        double excess = 0;
        double lastLon = Math.toRadians(points.getX(0));
        double lastT = halfTan(points.getY(0));
        for (int i = 1; i < n; i++) {
            double lon = Math.toRadians(points.getX(i));
            double t = halfTan(points.getY(i));
            double dLon = lon - lastLon;
            // what IEEEremainder gives for an edge spanning less than half the globe, the usual one, at a fraction of its cost
            if (Math.abs(dLon) > Math.PI) {
                dLon = Math.IEEEremainder(dLon, 2 * Math.PI);
            }
            excess += 2 * Math.atan2(Math.tan(dLon / 2) * (lastT + t), 1 + lastT * t);
            lastLon = lon;
            lastT = t;
        }
        return Math.abs(excess) * AUTHALIC_R2;
    }

    /** tan(β/2) of the authalic latitude β of a geodetic latitude in degrees. */
    private static double halfTan(double latitude) {
        double sinBeta = Math.max(-1, Math.min(1, q(Math.sin(Math.toRadians(latitude))) / Q_POLE));
        // tan(β/2) = sin β / (1 + cos β)
        return sinBeta / (1 + Math.sqrt(1 - sinBeta * sinBeta));
    }

    /** The authalic q(φ) of sin φ (Snyder 1987, 3-12). */
    private static double q(double sinLat) {
        double es = E * sinLat;
        return (1 - E2) * (sinLat / (1 - es * es) - Math.log((1 - es) / (1 + es)) / (2 * E));
    }
}
