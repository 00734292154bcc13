package org.changchun.layout.store.jdbc;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Count, extent and common geometry type of the features written to a table, kept while writing. */
final class ContentSummary {

    private long count;
    private final Envelope extent = new Envelope();
    private String geometryType;

    void add(Geometry geometry) {
        count++;
        extent.expandToInclude(geometry.getEnvelopeInternal());
        geometryType = GeometryTypes.common(geometryType, geometry);
    }

    long count() {
        return count;
    }

    Envelope extent() {
        return extent;
    }

    /** "Geometry" for a layer without features. */
    String geometryType() {
        return geometryType == null ? "Geometry" : geometryType;
    }
}
