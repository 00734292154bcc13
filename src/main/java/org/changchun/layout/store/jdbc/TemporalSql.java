package org.changchun.layout.store.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;

/**
 * CQL2's temporal functions as SQL over instants and intervals. Every operand is an interval
 * [start, end]; an instant is one whose ends are the same. A date is the instant 00:00 UTC of
 * that day, a timestamp its UTC time, and an open end ({@code '..'}) lies before or after every
 * instant. Each T_ function is the conjunction of comparisons of ends that OGC 21-065r2 gives for
 * it (after Allen's interval algebra); comparisons whose two ends are known before the query
 * runs (literals, open ends) are decided here, so only those involving a column reach SQL.
 */
final class TemporalSql {

    /** One end of an operand: an SQL expression (a column), a known instant, or open. */
    private sealed interface End {
    }

    private record Column(String sql) implements End {
    }

    private record Known(Object value, LocalDateTime instant) implements End {
    }

    /** An open end: before every instant as a start, after every instant as an end. */
    private record Open(boolean start) implements End {
    }

    private record Operand(End start, End end) {
    }

    private enum Order { LESS, EQUAL, GREATER }

    private static final Set<Order> AT_MOST = EnumSet.of(Order.LESS, Order.EQUAL);
    private static final Set<Order> AT_LEAST = EnumSet.of(Order.GREATER, Order.EQUAL);

    private final Function<String, String> dateColumn;
    private final Function<Object, String> bind;

    /**
     * @param dateColumn the column of a property, refusing properties that are not dates
     * @param bind       binds a literal (LocalDate or Instant) as the next parameter, giving its SQL
     */
    TemporalSql(Function<String, String> dateColumn, Function<Object, String> bind) {
        this.dateColumn = dateColumn;
        this.bind = bind;
    }

    String condition(Filter.Temporal temporal) {
        String name = "T_" + temporal.relation().name();
        Operand a = operand(temporal.left(), name);
        Operand b = operand(temporal.right(), name);
        // the ends are compared in the order the standard writes the definitions
        return switch (temporal.relation()) {
            case AFTER -> all(compare(a.start(), Order.GREATER, b.end()));
            case BEFORE -> all(compare(a.end(), Order.LESS, b.start()));
            case CONTAINS -> all(compare(a.start(), Order.LESS, b.start()), compare(a.end(), Order.GREATER, b.end()));
            case DISJOINT -> any(compare(a.start(), Order.GREATER, b.end()), compare(a.end(), Order.LESS, b.start()));
            case DURING -> all(compare(a.start(), Order.GREATER, b.start()), compare(a.end(), Order.LESS, b.end()));
            case EQUALS -> all(compare(a.start(), Order.EQUAL, b.start()), compare(a.end(), Order.EQUAL, b.end()));
            case FINISHEDBY -> all(compare(a.start(), Order.LESS, b.start()), compare(a.end(), Order.EQUAL, b.end()));
            case FINISHES -> all(compare(a.start(), Order.GREATER, b.start()), compare(a.end(), Order.EQUAL, b.end()));
            case INTERSECTS -> all(compare(a.start(), AT_MOST, b.end()), compare(a.end(), AT_LEAST, b.start()));
            case MEETS -> all(compare(a.end(), Order.EQUAL, b.start()));
            case METBY -> all(compare(a.start(), Order.EQUAL, b.end()));
            case OVERLAPPEDBY -> all(compare(a.start(), Order.GREATER, b.start()), compare(a.start(), Order.LESS, b.end()),
                    compare(a.end(), Order.GREATER, b.end()));
            case OVERLAPS -> all(compare(a.start(), Order.LESS, b.start()), compare(a.end(), Order.GREATER, b.start()),
                    compare(a.end(), Order.LESS, b.end()));
            case STARTEDBY -> all(compare(a.start(), Order.EQUAL, b.start()), compare(a.end(), Order.GREATER, b.end()));
            case STARTS -> all(compare(a.start(), Order.EQUAL, b.start()), compare(a.end(), Order.LESS, b.end()));
        };
    }

    private Operand operand(Expression expression, String function) {
        if (expression instanceof Expression.Interval interval) {
            Operand operand = new Operand(end(interval.start(), true, function), end(interval.end(), false, function));
            if (operand.start() instanceof Known start && operand.end() instanceof Known end
                    && start.instant().isAfter(end.instant())) {
                throw new InvalidQueryException("“" + function + "”的时间区间起点晚于终点",
                        "an interval in '" + function + "' starts after it ends");
            }
            return operand;
        }
        if (expression instanceof Expression.Unbounded) {
            throw new InvalidQueryException("“..”只能作为时间区间的端点", "'..' can only be an end of an interval");
        }
        End instant = end(expression, true, function);
        return new Operand(instant, instant);
    }

    private End end(Expression expression, boolean start, String function) {
        if (expression instanceof Expression.Unbounded) {
            return new Open(start);
        }
        if (expression instanceof Expression.Property property) {
            return new Column(dateColumn.apply(property.name()));
        }
        if (expression instanceof Expression.Literal literal) {
            if (literal.value() instanceof LocalDate date) {
                return new Known(date, date.atStartOfDay());
            }
            if (literal.value() instanceof Instant instant) {
                return new Known(instant, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }
        throw new InvalidQueryException("“" + function + "”的参数应为日期、时间戳、时间区间或日期属性",
                "'" + function + "' takes dates, timestamps, intervals (INTERVAL) or date properties");
    }

    private String compare(End x, Order order, End y) {
        return compare(x, EnumSet.of(order), y);
    }

    /** "x op y" as SQL, where op holds when x and y are in one of these orders; "1=1"/"1=0" when both are known. */
    private String compare(End x, Set<Order> orders, End y) {
        if (x instanceof Column || y instanceof Column) {
            if (x instanceof Open || y instanceof Open) {
                // a column's value is never open, so its order to an open end is known; NULL still
                // matches nothing, as in every other comparison
                Order known = x instanceof Open open ? (open.start() ? Order.LESS : Order.GREATER)
                        : (((Open) y).start() ? Order.GREATER : Order.LESS);
                return orders.contains(known) ? sql(x instanceof Open ? y : x) + " IS NOT NULL" : constant(false);
            }
            String symbol = orders.size() == 2
                    ? (orders.contains(Order.LESS) ? " <= " : " >= ")
                    : switch (orders.iterator().next()) {
                        case LESS -> " < ";
                        case EQUAL -> " = ";
                        case GREATER -> " > ";
                    };
            return sql(x) + symbol + sql(y);
        }
        return constant(orders.contains(order(x, y)));
    }

    private String sql(End end) {
        return end instanceof Column column ? column.sql() : bind.apply(((Known) end).value());
    }

    private static Order order(End x, End y) {
        if (x instanceof Open a && y instanceof Open b) {
            return a.start() == b.start() ? Order.EQUAL : (a.start() ? Order.LESS : Order.GREATER);
        }
        if (x instanceof Open a) {
            return a.start() ? Order.LESS : Order.GREATER;
        }
        if (y instanceof Open b) {
            return b.start() ? Order.GREATER : Order.LESS;
        }
        int c = ((Known) x).instant().compareTo(((Known) y).instant());
        return c < 0 ? Order.LESS : c == 0 ? Order.EQUAL : Order.GREATER;
    }

    private static String constant(boolean value) {
        return value ? "1=1" : "1=0";
    }

    private static String all(String... comparisons) {
        return "(" + String.join(" AND ", comparisons) + ")";
    }

    private static String any(String... comparisons) {
        return "(" + String.join(" OR ", comparisons) + ")";
    }
}
