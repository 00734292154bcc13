package org.changchun.layout.query;

import java.util.List;
import java.util.Objects;

/**
 * A condition on features, in a form no store and no query language owns: CQL2 text and query
 * parameters are parsed into it, and each store translates it into its own SQL with bound
 * parameters. Property names are as users see them; the store maps them to its columns and
 * refuses names that are not fields of the layer.
 */
public sealed interface Filter {

    /** Every part holds. */
    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds. */
    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter);
        }
    }

    /** TRUE or FALSE written as a whole condition. */
    record Constant(boolean value) implements Filter {
    }

    record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Filter {
    }

    /**
     * {@code value LIKE pattern}: {@code %} matches any run of characters, {@code _} one
     * character, and a backslash makes the next character literal (CQL2).
     */
    record Like(Expression value, Expression pattern) implements Filter {
    }

    record Between(Expression value, Expression low, Expression high) implements Filter {
    }

    record In(Expression value, List<Expression> list) implements Filter {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Expression value) implements Filter {
    }

    /** A spatial relation between two geometry expressions (DE-9IM, as in CQL2's S_* functions). */
    record Spatial(SpatialRelation relation, Expression left, Expression right) implements Filter {
    }

    /** A relation in time between two instants or intervals (CQL2's T_* functions). */
    record Temporal(TemporalRelation relation, Expression left, Expression right) implements Filter {
    }

    /** A relation between two arrays (CQL2's A_* functions). */
    record ArrayRelation(ArrayOperator operator, Expression left, Expression right) implements Filter {
    }

    /**
     * The features the store has linked to one plan polygon: those it contains, or also those
     * that merely intersect it ({@code FeatureStore} keeps these links as both sides change). The
     * same features as a spatial test against that polygon, found through the links' index rather
     * than by testing every feature under its bounding box.
     *
     * @param containedOnly only the features the polygon contains (as {@code S_WITHIN}), not those
     *                      that merely intersect it
     */
    record LinkedTo(String targetLayer, String targetId, boolean containedOnly) implements Filter {
        public LinkedTo {
            Objects.requireNonNull(targetLayer);
            Objects.requireNonNull(targetId);
        }
    }

    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as CQL2 and SQL both write it. */
        public String symbol() {
            return symbol;
        }
    }

    enum SpatialRelation {
        INTERSECTS, DISJOINT, EQUALS, TOUCHES, WITHIN, OVERLAPS, CROSSES, CONTAINS
    }

    /** CQL2's temporal functions, each T_ followed by its name here. */
    enum TemporalRelation {
        AFTER, BEFORE, CONTAINS, DISJOINT, DURING, EQUALS, FINISHEDBY, FINISHES, INTERSECTS, MEETS, METBY,
        OVERLAPPEDBY, OVERLAPS, STARTEDBY, STARTS
    }

    /** CQL2's array functions, each A_ followed by its name here. */
    enum ArrayOperator {
        EQUALS, CONTAINS, CONTAINEDBY, OVERLAPS
    }
}
