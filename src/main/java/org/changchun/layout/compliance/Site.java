package org.changchun.layout.compliance;

import java.util.List;
import org.changchun.layout.geo.GeodesicArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;

/**
 * A site to review: points or polygons in WGS84 lon/lat, valid (repaired if it had to be), with
 * what was done to it.
 *
 * @param id     the feature's id, when the site is a feature of a layer
 * @param layer  that layer
 * @param repairs what was repaired, for the review's notes
 */
record Site(String id, String layer, String nameZh, String nameEn, Geometry geometry, double areaM2,
            List<Review.Note> repairs) {

    Site {
        repairs = List.copyOf(repairs);
    }

    static Site drawn(Geometry geometry, List<Review.Note> repairs) {
        return new Site(null, null, null, null, geometry, GeodesicArea.squareKilometres(geometry) * 1_000_000, repairs);
    }

    static Site of(String id, String layer, String nameZh, String nameEn, Geometry geometry) {
        return new Site(id, layer, nameZh, nameEn, geometry, GeodesicArea.squareKilometres(geometry) * 1_000_000,
                List.of());
    }

    boolean isPuntal() {
        return geometry instanceof Puntal;
    }
}
