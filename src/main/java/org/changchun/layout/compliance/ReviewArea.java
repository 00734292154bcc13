package org.changchun.layout.compliance;

import org.changchun.layout.plan.rules.AreaPurpose;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One polygon a site is reviewed against: a plan area (with what it is meant for, if the rules say)
 * or a control line of a constraint layer. Prepared for repeated spatial tests from many threads.
 *
 * @param purpose    what the rules say the area is meant for; null when they say nothing
 * @param constraint the rule of the constraint layer it belongs to; null for other layers
 * @param sample     a schematic sample with no legal effect
 */
record ReviewArea(
        String layer,
        String layerTitleZh,
        String layerTitleEn,
        String feature,
        String nameZh,
        String nameEn,
        String accuracy,
        boolean sample,
        Geometry geometry,
        PreparedGeometry prepared,
        AreaPurpose purpose,
        ConstraintRule constraint) {

    static ReviewArea of(String layer, String layerTitleZh, String layerTitleEn, String feature, String nameZh,
                         String nameEn, String accuracy, boolean sample, Geometry geometry, AreaPurpose purpose,
                         ConstraintRule constraint) {
        return new ReviewArea(layer, layerTitleZh, layerTitleEn, feature, nameZh, nameEn, accuracy, sample, geometry,
                PreparedGeometryFactory.prepare(geometry), purpose, constraint);
    }

    boolean serves(String city) {
        return purpose != null && city != null && purpose.serves(city);
    }
}
