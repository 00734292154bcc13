package org.changchun.layout.store.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LinkRelation;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Translates a store-neutral {@link Filter} into an SQL condition over one feature table, with
 * every value a bound parameter and every property checked against the layer's fields and
 * mapped to its column. The text it writes is the same for PostGIS and H2GIS: spatial
 * predicates are preceded by the {@code &&} bounding-box test both index.
 */
final class FilterSql {

    /** The kinds of values that can be compared with each other. */
    private enum ValueKind { TEXT, NUMBER, BOOLEAN, TEMPORAL, GEOMETRY }

    /** {@code integral}: a whole number on both stores (an INTEGER field, an integer literal, sums of them). */
    private record Operand(String sql, ValueKind kind, boolean integral) {
        Operand(String sql, ValueKind kind) {
            this(sql, kind, false);
        }
    }

    private final LayerTable table;
    private final SpatialDialect dialect;
    private final List<SqlParameterValue> parameters = new ArrayList<>();

    private FilterSql(LayerTable table, SpatialDialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    /** An SQL condition and the values bound to its parameters, in order. */
    record Condition(String sql, List<SqlParameterValue> parameters) {
    }

    /**
     * @throws InvalidQueryException if the filter names a property the layer does not have or
     *                               compares values that cannot be compared
     */
    static Condition of(LayerTable table, Filter filter, SpatialDialect dialect) {
        FilterSql translation = new FilterSql(table, dialect);
        String sql = translation.condition(filter);
        return new Condition(sql, List.copyOf(translation.parameters));
    }

    /** The column that holds a property, for sorting; refuses geometry and unknown names. */
    static String sortColumn(LayerTable table, String property) {
        if ("id".equals(property)) {
            return "id";
        }
        List<FieldSpec> fields = table.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(property)) {
                return LayerTable.columnName(i);
            }
        }
        throw new InvalidQueryException("不能按“" + property + "”排序：该图层没有此属性",
                "cannot sort by '" + property + "': the layer has no such property");
    }

    private String condition(Filter filter) {
        if (filter instanceof Filter.And and) {
            return joined(and.parts(), " AND ", "1=1");
        }
        if (filter instanceof Filter.Or or) {
            return joined(or.parts(), " OR ", "1=0");
        }
        if (filter instanceof Filter.Not not) {
            return "NOT (" + condition(not.filter()) + ")";
        }
        if (filter instanceof Filter.Constant constant) {
            return constant.value() ? "1=1" : "1=0";
        }
        if (filter instanceof Filter.Comparison comparison) {
            return comparison(comparison);
        }
        if (filter instanceof Filter.Like like) {
            Operand value = requireKind(operand(like.value()), ValueKind.TEXT, "LIKE");
            Operand pattern = requireKind(operand(like.pattern()), ValueKind.TEXT, "LIKE");
            return value.sql() + " LIKE " + pattern.sql() + " ESCAPE '\\'";
        }
        if (filter instanceof Filter.Between between) {
            Operand value = operand(between.value());
            Operand low = comparable(value, operand(between.low()), "BETWEEN");
            Operand high = comparable(value, operand(between.high()), "BETWEEN");
            return value.sql() + " BETWEEN " + low.sql() + " AND " + high.sql();
        }
        if (filter instanceof Filter.In in) {
            Operand value = operand(in.value());
            StringJoiner list = new StringJoiner(", ", value.sql() + " IN (", ")");
            for (Expression item : in.list()) {
                list.add(comparable(value, operand(item), "IN").sql());
            }
            return list.toString();
        }
        if (filter instanceof Filter.IsNull isNull) {
            return operand(isNull.value()).sql() + " IS NULL";
        }
        if (filter instanceof Filter.Spatial spatial) {
            return spatial(spatial);
        }
        if (filter instanceof Filter.Temporal temporal) {
            return new TemporalSql(this::dateColumn, this::bindTemporal).condition(temporal);
        }
        if (filter instanceof Filter.LinkedTo linked) {
            return linked(linked);
        }
        if (filter instanceof Filter.ArrayRelation array) {
            String name = "A_" + array.operator().name();
            throw new InvalidQueryException("“" + name + "”比较数组，而本服务的属性都不是数组（文本、数值、真假值或日期）",
                    "'" + name + "' compares arrays, and no property of this service is an array (they are text, "
                            + "numbers, booleans or dates)");
        }
        throw new IllegalStateException("unknown filter " + filter);
    }

    /** Through the link table, whose index on the target finds a plan polygon's features at once. */
    private String linked(Filter.LinkedTo linked) {
        parameters.add(new SqlParameterValue(Types.VARCHAR, table.layerId()));
        parameters.add(new SqlParameterValue(Types.VARCHAR, linked.targetLayer()));
        parameters.add(new SqlParameterValue(Types.VARCHAR, linked.targetId()));
        String relation = "";
        if (linked.containedOnly()) {
            parameters.add(new SqlParameterValue(Types.VARCHAR, LinkRelation.WITHIN.code()));
            relation = " AND relation = ?";
        }
        return "id IN (SELECT source_id FROM feature_link WHERE source_layer = ? AND target_layer = ? AND target_id = ?"
                + relation + ")";
    }

    private String joined(List<Filter> parts, String operator, String empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        StringJoiner sql = new StringJoiner(operator, "(", ")");
        for (Filter part : parts) {
            sql.add(condition(part));
        }
        return sql.toString();
    }

    private String comparison(Filter.Comparison comparison) {
        Operand left = operand(comparison.left());
        Operand right = comparable(left, operand(comparison.right()), comparison.operator().symbol());
        if ((left.kind() == ValueKind.BOOLEAN || left.kind() == ValueKind.GEOMETRY)
                && comparison.operator() != Filter.ComparisonOperator.EQUAL
                && comparison.operator() != Filter.ComparisonOperator.NOT_EQUAL) {
            throw new InvalidQueryException("“" + comparison.operator().symbol() + "”不能用于真假值或几何",
                    "'" + comparison.operator().symbol() + "' cannot compare booleans or geometries; use = or <>");
        }
        if (left.kind() == ValueKind.GEOMETRY) {
            String sql = "ST_Equals(" + left.sql() + ", " + right.sql() + ")";
            return comparison.operator() == Filter.ComparisonOperator.EQUAL ? sql : "NOT " + sql;
        }
        return left.sql() + " " + comparison.operator().symbol() + " " + right.sql();
    }

    private String spatial(Filter.Spatial spatial) {
        String operator = "S_" + spatial.relation().name();
        if (spatial.relation() == Filter.SpatialRelation.DISJOINT) {
            return "NOT " + relation("ST_Intersects", spatial, operator);
        }
        // every relation but DISJOINT implies that the bounding boxes meet, which the spatial
        // index answers; the operands are bound again for it, in the order the text uses them
        String boxes = "";
        if (isGeometryColumn(spatial.left()) || isGeometryColumn(spatial.right())) {
            boxes = geometry(spatial.left(), operator).sql() + " && " + geometry(spatial.right(), operator).sql() + " AND ";
        }
        String function = switch (spatial.relation()) {
            case INTERSECTS -> "ST_Intersects";
            case EQUALS -> "ST_Equals";
            case TOUCHES -> "ST_Touches";
            case WITHIN -> "ST_Within";
            case OVERLAPS -> "ST_Overlaps";
            case CROSSES -> "ST_Crosses";
            case CONTAINS -> "ST_Contains";
            case DISJOINT -> throw new IllegalStateException("handled above");
        };
        return "(" + boxes + relation(function, spatial, operator) + ")";
    }

    private String relation(String function, Filter.Spatial spatial, String operator) {
        return function + "(" + geometry(spatial.left(), operator).sql() + ", "
                + geometry(spatial.right(), operator).sql() + ")";
    }

    private Operand geometry(Expression expression, String operator) {
        return requireKind(operand(expression), ValueKind.GEOMETRY, operator);
    }

    private static boolean isGeometryColumn(Expression expression) {
        return expression instanceof Expression.Property property && Expression.GEOMETRY.equals(property.name());
    }

    private Operand operand(Expression expression) {
        if (expression instanceof Expression.Property property) {
            return property(property.name());
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return arithmetic(arithmetic);
        }
        if (expression instanceof Expression.Interval || expression instanceof Expression.Unbounded) {
            throw new InvalidQueryException("时间区间 INTERVAL 只能用于 T_ 开头的时间函数",
                    "an interval (INTERVAL) can only be used in the temporal functions (T_...)");
        }
        if (expression instanceof Expression.Array) {
            throw new InvalidQueryException("数组只能用于 A_ 开头的数组函数", "an array can only be used in the array functions (A_...)");
        }
        if (expression instanceof Expression.CaseInsensitive caseInsensitive) {
            Operand inner = requireKind(operand(caseInsensitive.expression()), ValueKind.TEXT, "CASEI");
            return new Operand("LOWER(" + inner.sql() + ")", ValueKind.TEXT);
        }
        Object value = ((Expression.Literal) expression).value();
        if (value instanceof String text) {
            return bind(Types.VARCHAR, text, ValueKind.TEXT);
        }
        if (value instanceof Long number) {
            parameters.add(new SqlParameterValue(Types.BIGINT, number));
            return new Operand("?", ValueKind.NUMBER, true);
        }
        if (value instanceof Number number) {
            return bind(Types.DOUBLE, number.doubleValue(), ValueKind.NUMBER);
        }
        if (value instanceof Boolean bool) {
            return bind(Types.BOOLEAN, bool, ValueKind.BOOLEAN);
        }
        if (value instanceof LocalDate date) {
            return bind(Types.DATE, date, ValueKind.TEMPORAL);
        }
        if (value instanceof Instant instant) {
            // a UTC time without a zone: compared with a date column, the date is 00:00 of its day
            // on both stores, whatever the session's time zone
            return bind(Types.TIMESTAMP, LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ValueKind.TEMPORAL);
        }
        if (value instanceof Geometry geometry) {
            parameters.add(new SqlParameterValue(Types.BINARY, new WKBWriter(2).write(geometry)));
            return new Operand(dialect.geometryParameter(), ValueKind.GEOMETRY);
        }
        throw new IllegalArgumentException("unsupported literal " + value.getClass());
    }

    private Operand property(String name) {
        if (Expression.GEOMETRY.equals(name)) {
            return new Operand("geom", ValueKind.GEOMETRY);
        }
        if ("id".equals(name)) {
            return new Operand("id", ValueKind.TEXT);
        }
        List<FieldSpec> fields = table.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            if (field.name().equals(name)) {
                ValueKind kind = switch (field.type()) {
                    case STRING -> ValueKind.TEXT;
                    case INTEGER, NUMBER -> ValueKind.NUMBER;
                    case BOOLEAN -> ValueKind.BOOLEAN;
                    case DATE -> ValueKind.TEMPORAL;
                };
                return new Operand(LayerTable.columnName(i), kind, field.type() == FieldType.INTEGER);
            }
        }
        throw new InvalidQueryException("图层“" + table.layerId() + "”没有属性“" + name + "”（可查询属性见 queryables）",
                "layer '" + table.layerId() + "' has no property '" + name + "' (see its queryables)");
    }

    /**
     * Arithmetic on numbers. Division, modulo and powers are computed in double precision (CQL2's
     * "/" is not integer division; "div" is); a zero divisor gives NULL, which matches nothing,
     * rather than an error. An overflow, like any result that is not a finite number, is refused
     * by the store when the query runs (whole numbers overflow as errors on both stores; doubles
     * are checked by {@link SpatialDialect#finiteNumber}).
     */
    private Operand arithmetic(Expression.Arithmetic arithmetic) {
        String symbol = arithmetic.operator().symbol();
        Operand leftOperand = requireKind(operand(arithmetic.left()), ValueKind.NUMBER, symbol);
        Operand rightOperand = requireKind(operand(arithmetic.right()), ValueKind.NUMBER, symbol);
        String left = leftOperand.sql();
        String right = rightOperand.sql();
        // each operand appears once in the SQL: its parameters, if any, are bound once
        String decimalLeft = "CAST(" + left + " AS DOUBLE PRECISION)";
        String decimalRight = "CAST(" + right + " AS DOUBLE PRECISION)";
        String sql = switch (arithmetic.operator()) {
            case PLUS, MINUS, TIMES -> "(" + left + " " + symbol + " " + right + ")";
            case DIVIDE -> "(" + decimalLeft + " / NULLIF(" + decimalRight + ", 0))";
            case INTEGER_DIVIDE -> "FLOOR(" + decimalLeft + " / NULLIF(" + decimalRight + ", 0))";
            // NUMERIC, not DOUBLE PRECISION: PostgreSQL's MOD takes no doubles; 10 decimals are kept
            case MODULO -> "MOD(CAST(" + left + " AS NUMERIC(38, 10)), NULLIF(CAST(" + right + " AS NUMERIC(38, 10)), 0))";
            case POWER -> "POWER(" + decimalLeft + ", " + decimalRight + ")";
        };
        return switch (arithmetic.operator()) {
            case PLUS, MINUS, TIMES -> leftOperand.integral() && rightOperand.integral()
                    ? new Operand(sql, ValueKind.NUMBER, true)
                    : new Operand(dialect.finiteNumber(sql), ValueKind.NUMBER);
            // a decimal remainder is never infinite; too large for NUMERIC(38, 10) is an error on both
            case MODULO -> new Operand(sql, ValueKind.NUMBER);
            case DIVIDE, INTEGER_DIVIDE, POWER -> new Operand(dialect.finiteNumber(sql), ValueKind.NUMBER);
        };
    }

    /** The column of a date property, for the temporal functions. */
    private String dateColumn(String name) {
        Operand column = property(name);
        if (column.kind() != ValueKind.TEMPORAL) {
            throw new InvalidQueryException("时间函数需要日期属性，而“" + name + "”是" + describe(column.kind()),
                    "the temporal functions need a date property, but '" + name + "' is a "
                            + column.kind().name().toLowerCase(Locale.ROOT));
        }
        return column.sql();
    }

    private String bindTemporal(Object value) {
        return operand(new Expression.Literal(value)).sql();
    }

    private Operand bind(int sqlType, Object value, ValueKind kind) {
        parameters.add(new SqlParameterValue(sqlType, value));
        return new Operand("?", kind);
    }

    private static Operand comparable(Operand left, Operand right, String operator) {
        if (left.kind() != right.kind()) {
            throw new InvalidQueryException(
                    "“" + operator + "”两侧的值类型不同（" + describe(left.kind()) + "与" + describe(right.kind()) + "）",
                    "'" + operator + "' compares a " + left.kind().name().toLowerCase(Locale.ROOT) + " with a "
                            + right.kind().name().toLowerCase(Locale.ROOT) + "; compare values of the same type");
        }
        return right;
    }

    private static Operand requireKind(Operand operand, ValueKind kind, String operator) {
        if (operand.kind() != kind) {
            throw new InvalidQueryException("“" + operator + "”需要" + describe(kind) + "，而给出的是" + describe(operand.kind()),
                    "'" + operator + "' needs a " + kind.name().toLowerCase(Locale.ROOT) + " but got a "
                            + operand.kind().name().toLowerCase(Locale.ROOT));
        }
        return operand;
    }

    private static String describe(ValueKind kind) {
        return switch (kind) {
            case TEXT -> "文本";
            case NUMBER -> "数值";
            case BOOLEAN -> "真假值";
            case TEMPORAL -> "日期时间";
            case GEOMETRY -> "几何";
        };
    }
}
