package org.changchun.layout.query;

import java.util.List;
import java.util.Objects;

/**
 * A value in a {@link Filter}: a feature's property, a literal, a case-insensitive form of either,
 * arithmetic on numbers, a time interval or an array.
 */
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

    /** Arithmetic on two numbers (CQL2 arithmetic; a unary minus is {@code -1 * x}, as CQL2 JSON writes it). */
    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {
        public Arithmetic {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /**
     * A time interval (CQL2 {@code INTERVAL}): each end is a date or timestamp literal, a property,
     * or {@link Unbounded} ({@code '..'}).
     */
    record Interval(Expression start, Expression end) implements Expression {
        public Interval {
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }

    /** The open end of an interval, written {@code '..'}. */
    record Unbounded() implements Expression {
    }

    /** An array of values (CQL2 arrays, the operands of the A_* functions). */
    record Array(List<Expression> elements) implements Expression {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    enum ArithmeticOperator {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MODULO("%"), INTEGER_DIVIDE("div"), POWER("^");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as CQL2 text and JSON both write it. */
        public String symbol() {
            return symbol;
        }
    }
}
