package org.changchun.layout.query;

import java.util.Objects;

/** A value in a {@link Filter}: a feature's property, a literal, or a case-insensitive form of either. */
public sealed interface Expression {

    /** The geometry of the feature, as CQL2 and the queryables name it. */
    String GEOMETRY = "geometry";

    /** A property by the name users see ({@value #GEOMETRY} for the geometry, "id" for the id). */
    record Property(String name) implements Expression {
        public Property {
            Objects.requireNonNull(name);
        }
    }

    /**
     * A literal: String, Long, Double, Boolean, java.time.LocalDate, java.time.Instant, or a JTS
     * Geometry in WGS84 lon/lat.
     */
    record Literal(Object value) implements Expression {
        public Literal {
            Objects.requireNonNull(value, "a literal has a value; use IsNull for NULL");
        }
    }

    /** CQL2 {@code CASEI(...)}: compare text without regard to case. */
    record CaseInsensitive(Expression expression) implements Expression {
    }
}
