package org.changchun.layout.ogc.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Expression.ArithmeticOperator;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.Filter.ComparisonOperator;
import org.changchun.layout.query.InvalidQueryException;
import tools.jackson.databind.JsonNode;

/**
 * Builds the {@link Filter} of a CQL2 JSON tree, making the same records as the text encoding's
 * builders do for the same filter. {@code path} is where a node is, as a JSON pointer, for messages.
 */
final class JsonFilterBuilder {

    private static final Map<String, ComparisonOperator> COMPARISONS = Map.of(
            "=", ComparisonOperator.EQUAL, "<>", ComparisonOperator.NOT_EQUAL, "<", ComparisonOperator.LESS,
            "<=", ComparisonOperator.LESS_OR_EQUAL, ">", ComparisonOperator.GREATER,
            ">=", ComparisonOperator.GREATER_OR_EQUAL);
    private static final Set<String> VALUE_OPERATORS = Set.of("casei", "accenti", "+", "-", "*", "/", "%", "div", "^");

    private final JsonGeometries geometries;

    JsonFilterBuilder(ApiCrs crs) {
        this.geometries = new JsonGeometries(crs);
    }

    Filter filter(JsonNode node, String path) {
        if (node.isBoolean()) {
            return new Filter.Constant(node.booleanValue());
        }
        if (!node.isObject() || !node.has("op")) {
            throw Cql2Errors.json(path, "应为条件（带 \"op\" 和 \"args\" 的对象，或 true/false）",
                    "expected a condition (an object with \"op\" and \"args\", or true/false)");
        }
        String op = operator(node, path);
        List<JsonNode> args = args(node, path);
        String at = path + "/args";
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw arity(path, op, "至少 2 个", "at least 2");
                }
                List<Filter> parts = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    parts.add(filter(args.get(i), at + "/" + i));
                }
                return op.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "not" -> {
                return new Filter.Not(filter(exactly(args, 1, path, op).get(0), at + "/0"));
            }
            case "like" -> {
                exactly(args, 2, path, op);
                return new Filter.Like(value(args.get(0), at + "/0"), value(args.get(1), at + "/1"));
            }
            case "between" -> {
                exactly(args, 3, path, op);
                return new Filter.Between(value(args.get(0), at + "/0"), value(args.get(1), at + "/1"),
                        value(args.get(2), at + "/2"));
            }
            case "in" -> {
                exactly(args, 2, path, op);
                if (!args.get(1).isArray()) {
                    throw Cql2Errors.json(at + "/1", "\"in\" 的第二个参数应为值的数组",
                            "the second argument of \"in\" must be an array of values");
                }
                return new Filter.In(value(args.get(0), at + "/0"), values(args.get(1), at + "/1"));
            }
            case "isnull" -> {
                return new Filter.IsNull(value(exactly(args, 1, path, op).get(0), at + "/0"));
            }
            default -> {
                return predicate(op, args, path);
            }
        }
    }

    private Filter predicate(String op, List<JsonNode> args, String path) {
        String at = path + "/args";
        ComparisonOperator comparison = COMPARISONS.get(op);
        if (comparison != null) {
            exactly(args, 2, path, op);
            return new Filter.Comparison(value(args.get(0), at + "/0"), comparison, value(args.get(1), at + "/1"));
        }
        String name = op.length() > 2 ? op.substring(2).toUpperCase(Locale.ROOT) : "";
        if (op.startsWith("s_") && isOneOf(name, Filter.SpatialRelation.values())) {
            exactly(args, 2, path, op);
            return new Filter.Spatial(Filter.SpatialRelation.valueOf(name), value(args.get(0), at + "/0"),
                    value(args.get(1), at + "/1"));
        }
        if (op.startsWith("t_") && isOneOf(name, Filter.TemporalRelation.values())) {
            exactly(args, 2, path, op);
            return new Filter.Temporal(Filter.TemporalRelation.valueOf(name), value(args.get(0), at + "/0"),
                    value(args.get(1), at + "/1"));
        }
        if (op.startsWith("a_") && isOneOf(name, Filter.ArrayOperator.values())) {
            exactly(args, 2, path, op);
            return new Filter.ArrayRelation(Filter.ArrayOperator.valueOf(name), value(args.get(0), at + "/0"),
                    value(args.get(1), at + "/1"));
        }
        if (VALUE_OPERATORS.contains(op)) {
            throw Cql2Errors.json(path, "\"" + op + "\" 得出的是值，不是条件", "\"" + op + "\" gives a value, not a condition");
        }
        throw unsupportedFunction(path, op);
    }

    Expression value(JsonNode node, String path) {
        if (node.isString()) {
            return new Expression.Literal(node.stringValue());
        }
        if (node.isBoolean()) {
            return new Expression.Literal(node.booleanValue());
        }
        if (node.isNumber()) {
            return number(node, path);
        }
        if (node.isArray()) {
            return new Expression.Array(values(node, path));
        }
        if (!node.isObject()) {
            throw Cql2Errors.json(path, "应为值，而不是 null", "expected a value, not null");
        }
        if (node.has("op")) {
            return operation(node, path);
        }
        if (node.has("property")) {
            JsonNode name = only(node, "property", path);
            if (!name.isString() || name.stringValue().isEmpty()) {
                throw Cql2Errors.json(path + "/property", "属性名应为非空字符串", "a property name must be a non-empty string");
            }
            return new Expression.Property(name.stringValue());
        }
        if (node.has("date")) {
            JsonNode date = only(node, "date", path);
            return new Expression.Literal(Literals.date(date.asString(""))
                    .orElseThrow(() -> Cql2Errors.json(path + "/date", Literals.DATE_ZH, Literals.DATE_EN)));
        }
        if (node.has("timestamp")) {
            JsonNode timestamp = only(node, "timestamp", path);
            return new Expression.Literal(Literals.timestamp(timestamp.asString(""))
                    .orElseThrow(() -> Cql2Errors.json(path + "/timestamp", Literals.TIMESTAMP_ZH, Literals.TIMESTAMP_EN)));
        }
        if (node.has("interval")) {
            return interval(only(node, "interval", path), path + "/interval");
        }
        if (node.has("type")) {
            return new Expression.Literal(geometries.geometry(node, path));
        }
        if (node.has("bbox")) {
            return new Expression.Literal(geometries.box(only(node, "bbox", path), path + "/bbox"));
        }
        throw Cql2Errors.json(path, "无法识别的值：应为属性 {\"property\": …}、字面量、日期、时间戳、区间、几何或运算",
                "unrecognised value: expected {\"property\": …}, a literal, a date, timestamp, interval, geometry or an operation");
    }

    private Expression operation(JsonNode node, String path) {
        String op = operator(node, path);
        List<JsonNode> args = args(node, path);
        String at = path + "/args";
        if (op.equals("casei")) {
            return new Expression.CaseInsensitive(value(exactly(args, 1, path, op).get(0), at + "/0"));
        }
        if (op.equals("accenti")) {
            throw Cql2Errors.json(path, "不支持忽略重音的比较 accenti", "accenti (accent-insensitive comparison) is not supported");
        }
        for (ArithmeticOperator operator : ArithmeticOperator.values()) {
            if (operator.symbol().equals(op)) {
                exactly(args, 2, path, op);
                return new Expression.Arithmetic(operator, value(args.get(0), at + "/0"), value(args.get(1), at + "/1"));
            }
        }
        if (COMPARISONS.containsKey(op) || Set.of("and", "or", "not", "like", "between", "in", "isnull").contains(op)
                || op.startsWith("s_") || op.startsWith("t_") || op.startsWith("a_")) {
            throw Cql2Errors.json(path, "此处应为值，而 \"" + op + "\" 是条件", "expected a value here, but \"" + op + "\" is a condition");
        }
        throw unsupportedFunction(path, op);
    }

    private Expression interval(JsonNode ends, String path) {
        if (!ends.isArray() || ends.size() != 2) {
            throw Cql2Errors.json(path, "区间应为两个端点的数组", "an interval must be an array of its two ends");
        }
        return new Expression.Interval(intervalEnd(ends.get(0), path + "/0"), intervalEnd(ends.get(1), path + "/1"));
    }

    /** An end of an interval: {@code ".."} (open), a date or timestamp as a string, or a property. */
    private Expression intervalEnd(JsonNode end, String path) {
        if (!end.isString()) {
            return value(end, path);
        }
        String text = end.stringValue();
        if (text.equals("..")) {
            return new Expression.Unbounded();
        }
        Object instant = text.length() == 10
                ? Literals.date(text).orElseThrow(() -> Cql2Errors.json(path, Literals.DATE_ZH, Literals.DATE_EN))
                : Literals.timestamp(text).orElseThrow(() -> Cql2Errors.json(path, Literals.TIMESTAMP_ZH, Literals.TIMESTAMP_EN));
        return new Expression.Literal(instant);
    }

    private List<Expression> values(JsonNode array, String path) {
        List<Expression> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(value(array.get(i), path + "/" + i));
        }
        return values;
    }

    /** Integers are Long and other numbers Double, as in the text encoding. */
    private static Expression number(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw Cql2Errors.json(path, "数字超出范围：" + node, "number out of range: " + node);
            }
            return new Expression.Literal(node.longValue());
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw Cql2Errors.json(path, "数字超出范围：" + node, "number out of range: " + node);
        }
        return new Expression.Literal(value);
    }

    /** The lower-case name of an operation; CQL2 JSON writes them in lower case, isNull excepted. */
    private static String operator(JsonNode node, String path) {
        JsonNode op = node.get("op");
        if (!op.isString() || op.stringValue().isEmpty()) {
            throw Cql2Errors.json(path + "/op", "\"op\" 应为非空字符串", "\"op\" must be a non-empty string");
        }
        return op.stringValue().toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> args(JsonNode node, String path) {
        for (String member : node.propertyNames()) {
            if (!member.equals("op") && !member.equals("args")) {
                throw Cql2Errors.json(path, "多余的成员 \"" + member + "\"（只应有 \"op\" 和 \"args\"）",
                        "unexpected member \"" + member + "\" (only \"op\" and \"args\" belong here)");
            }
        }
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw Cql2Errors.json(path, "缺少参数数组 \"args\"", "\"args\" (an array of arguments) is missing");
        }
        List<JsonNode> list = new ArrayList<>();
        args.forEach(list::add);
        return list;
    }

    private static List<JsonNode> exactly(List<JsonNode> args, int count, String path, String op) {
        if (args.size() != count) {
            throw arity(path, op, count + " 个", String.valueOf(count));
        }
        return args;
    }

    private static InvalidQueryException arity(String path, String op, String zhCount, String enCount) {
        return Cql2Errors.json(path, "\"" + op + "\" 需要 " + zhCount + "参数", "\"" + op + "\" takes " + enCount + " arguments");
    }

    /** The value of an object's one member, refusing others beside it. */
    private static JsonNode only(JsonNode node, String member, String path) {
        if (node.size() != 1) {
            throw Cql2Errors.json(path, "\"" + member + "\" 对象只应有这一个成员",
                    "an object with \"" + member + "\" must have no other member");
        }
        return node.get(member);
    }

    private static InvalidQueryException unsupportedFunction(String path, String op) {
        return Cql2Errors.json(path, "不支持函数 " + op + "（只支持 casei 以及 s_、t_、a_ 开头的标准函数）",
                "function " + op + " is not supported (only casei and the standard s_, t_ and a_ functions are)");
    }

    private static boolean isOneOf(String name, Enum<?>[] values) {
        for (Enum<?> value : values) {
            if (value.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
