package org.changchun.layout.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.changchun.layout.geo.GeodesicArea;
import org.changchun.layout.geo.GeodesicLength;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * How much a feature's geometry changed, on the WGS84 ellipsoid (GeographicLib, as every area of
 * the service), so both stores answer the same: area gained and lost for areas, length gained and
 * lost for lines, the distance moved for points. An added feature gains all it covers, a removed one
 * loses it. Rounded to 0.1 m² and 0.1 m; members that do not apply are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeometryChange(Double areaGainedM2, Double areaLostM2, Double lengthGainedM, Double lengthLostM,
                             Double movedM) {

    private static final double SQUARE_METRES_PER_KM2 = 1_000_000d;

    /** The measures of a change; null for a changed feature whose geometry is the same. */
    static GeometryChange of(FeatureChange change) {
        Geometry before = change.geometryBefore();
        Geometry after = change.geometryAfter();
        return switch (change.kind()) {
            case ADDED -> new GeometryChange(area(after, after), null, length(after, after), null, null);
            case REMOVED -> new GeometryChange(null, area(before, before), null, length(before, before), null);
            case CHANGED -> !change.geometryChanged() ? null
                    : before instanceof Puntal && after instanceof Puntal
                    ? new GeometryChange(null, null, null, null, round(GeodesicLength.between(
                            before.getCentroid().getCoordinate(), after.getCentroid().getCoordinate())))
                    : changed(before, after, change.gained(), change.lost());
        };
    }

    /**
     * Lines and areas are measured by their differences, which the store computed; a point that
     * became a line or an area, or the reverse, gains all of the one and loses all of the other.
     */
    private static GeometryChange changed(Geometry before, Geometry after, Geometry gained, Geometry lost) {
        if (gained == null) {
            return new GeometryChange(area(after, after), area(before, before), length(after, after),
                    length(before, before), null);
        }
        boolean areas = before instanceof Polygonal || after instanceof Polygonal;
        boolean lines = before instanceof Lineal || after instanceof Lineal;
        return new GeometryChange(areas ? area(gained) : null, areas ? area(lost) : null,
                lines ? length(gained) : null, lines ? length(lost) : null, null);
    }

    /** The area of {@code geometry} when {@code kind} is an area, else nothing to say. */
    private static Double area(Geometry kind, Geometry geometry) {
        return kind instanceof Polygonal ? area(geometry) : null;
    }

    private static Double length(Geometry kind, Geometry geometry) {
        return kind instanceof Lineal ? length(geometry) : null;
    }

    private static double area(Geometry geometry) {
        return round(GeodesicArea.squareKilometres(geometry) * SQUARE_METRES_PER_KM2);
    }

    private static double length(Geometry geometry) {
        return round(GeodesicLength.metres(geometry));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
