package org.changchun.layout.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.http.NumberParameter;
import org.changchun.layout.limits.LimitsProperties;
import org.changchun.layout.ogc.cql2.Cql2Json;
import org.changchun.layout.ogc.cql2.Cql2Text;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.FeatureQuery;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.Filters;
import org.changchun.layout.query.InvalidQueryException;
import org.changchun.layout.query.SortKey;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.geom.Envelope;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of {@code /ogc/collections/{id}/items}, checked and turned into a store
 * query. Every mistake is an {@link InvalidQueryException} naming the parameter and what to fix;
 * parameters the API does not define are refused, as OGC API - Features requires.
 */
record ItemsRequest(FeatureQuery query, ApiCrs crs, Optional<List<String>> properties, OgcFormat format) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 10_000;
    private static final NumberParameter<Integer> LIMIT = NumberParameter.integer("limit", 1, MAX_LIMIT);
    private static final NumberParameter<Long> OFFSET = NumberParameter.wholeNumber("offset", 0, Long.MAX_VALUE);
    private static final NumberParameter<Double> BBOX_NUMBER = NumberParameter.anyDecimal("bbox");
    private static final Set<String> PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs",
            "datetime", "properties", "sortby", "filter", "filter-lang", "filter-crs");

    static ItemsRequest parse(LayerInfo layer, MultiValueMap<String, String> parameters, String accept,
                              LimitsProperties limits) {
        Map<String, String> single = singleValues(parameters);
        Filter filter = null;
        for (Map.Entry<String, String> parameter : single.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                filter = Filters.and(filter, queryable(layer, parameter.getKey(), parameter.getValue()));
            }
        }
        filter = Filters.and(filter, cql2(single, limits));
        filter = Filters.and(filter, datetime(layer, single.get("datetime")));
        int limit = LIMIT.parse(single.get("limit"), DEFAULT_LIMIT);
        long offset = OFFSET.parse(single.get("offset"), 0L);
        FeatureQuery query = new FeatureQuery(layer.id(), bbox(single), filter, sortBy(layer, single.get("sortby")),
                limit, offset);
        return new ItemsRequest(query, crs("crs", single.get("crs")), properties(layer, single.get("properties")),
                OgcFormat.of(single.get("f"), accept));
    }

    /** Reads the output CRS alone, for a single item. */
    static ApiCrs crs(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return ApiCrs.CRS84;
        }
        return ApiCrs.fromUri(value).orElseThrow(() -> new InvalidQueryException(
                "不支持的坐标参照系 " + parameter + "=" + value,
                "unsupported " + parameter + " '" + value + "'; use one of " + ApiCrs.uris()));
    }

    private static Map<String, String> singleValues(MultiValueMap<String, String> parameters) {
        Map<String, String> single = new java.util.LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidQueryException("参数“" + name + "”只能出现一次", "parameter '" + name + "' may appear only once");
            }
            single.put(name, values.get(0));
        });
        return single;
    }

    /** A queryable given as a query parameter: the property must equal the value. */
    private static Filter queryable(LayerInfo layer, String name, String value) {
        if ("id".equals(name)) {
            return equal(name, value);
        }
        FieldSpec field = layer.field(name).orElseThrow(() -> new InvalidQueryException(
                "未知参数“" + name + "”：既不是本接口的参数，也不是该集合的可查询属性",
                "unknown parameter '" + name + "': neither a parameter of this API nor a queryable of collection '"
                        + layer.id() + "' (see its queryables)"));
        Object literal = switch (field.type()) {
            case STRING -> value;
            case INTEGER -> NumberParameter.wholeNumber(name, Long.MIN_VALUE, Long.MAX_VALUE).require(value);
            case NUMBER -> NumberParameter.anyDecimal(name).require(value);
            case BOOLEAN -> booleanValue(name, value);
            case DATE -> dateValue(name, value);
        };
        return equal(name, literal);
    }

    private static Boolean booleanValue(String name, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw wrongType(name, FieldType.BOOLEAN, value);
        };
    }

    private static LocalDate dateValue(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw wrongType(name, FieldType.DATE, value);
        }
    }

    private static InvalidQueryException wrongType(String name, FieldType type, String value) {
        return new InvalidQueryException("参数“" + name + "”应为" + type.code() + "：" + value,
                "parameter '" + name + "' must be " + type.code() + ", got '" + value + "'");
    }

    private static Filter equal(String name, Object value) {
        return new Filter.Comparison(new Expression.Property(name), Filter.ComparisonOperator.EQUAL,
                new Expression.Literal(value));
    }

    private static Filter cql2(Map<String, String> single, LimitsProperties limits) {
        String text = single.get("filter");
        String language = single.getOrDefault("filter-lang", "cql2-text");
        if (!language.equals("cql2-text") && !language.equals("cql2-json")) {
            throw new InvalidQueryException("不支持的过滤语言 filter-lang=" + language + "，请用 cql2-text 或 cql2-json",
                    "unsupported filter-lang '" + language + "'; use cql2-text or cql2-json");
        }
        if (text == null) {
            if (single.containsKey("filter-crs")) {
                throw new InvalidQueryException("filter-crs 需与 filter 一起使用", "filter-crs needs a filter");
            }
            return null;
        }
        ApiCrs filterCrs = crs("filter-crs", single.get("filter-crs"));
        Filter filter = language.equals("cql2-json")
                ? Cql2Json.parse(text, filterCrs, limits.cql2MaxDepth(), limits.cql2MaxLength())
                : Cql2Text.parse(text, filterCrs, limits.cql2MaxDepth(), limits.cql2MaxLength());
        return Filters.mapGeometries(filter, filterCrs::toWgs84);
    }

    /**
     * The features whose first date field falls in the instant or interval; layers without a
     * date field have no time to filter on, so the parameter does not restrict them.
     */
    private static Filter datetime(LayerInfo layer, String value) {
        if (value == null) {
            return null;
        }
        String[] ends = value.split("/", -1);
        if (ends.length > 2) {
            throw badDatetime(value);
        }
        Optional<FieldSpec> field = layer.fields().stream().filter(f -> f.type() == FieldType.DATE).findFirst();
        LocalDate start = date(ends[0], value);
        LocalDate end = ends.length == 2 ? date(ends[1], value) : start;
        if (ends.length == 1 && start == null) {
            throw badDatetime(value);
        }
        if (field.isEmpty()) {
            return null;
        }
        Expression property = new Expression.Property(field.get().name());
        List<Filter> parts = new ArrayList<>();
        if (start != null) {
            parts.add(new Filter.Comparison(property, Filter.ComparisonOperator.GREATER_OR_EQUAL,
                    new Expression.Literal(start)));
        }
        if (end != null) {
            parts.add(new Filter.Comparison(property, Filter.ComparisonOperator.LESS_OR_EQUAL,
                    new Expression.Literal(end)));
        }
        return new Filter.And(parts);
    }

    private static LocalDate date(String text, String whole) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw badDatetime(whole);
        }
    }

    private static InvalidQueryException badDatetime(String value) {
        return new InvalidQueryException("datetime 参数无效：" + value + "（示例：2023-01-01 或 2021-01-01/2023-12-31 或 ../2022-12-31）",
                "invalid datetime '" + value + "'; use an RFC 3339 date or date-time, or an interval such as "
                        + "2021-01-01/2023-12-31 or ../2022-12-31");
    }

    private static Optional<Envelope> bbox(Map<String, String> single) {
        String text = single.get("bbox");
        ApiCrs crs = crs("bbox-crs", single.get("bbox-crs"));
        if (text == null) {
            if (single.containsKey("bbox-crs")) {
                throw new InvalidQueryException("bbox-crs 需与 bbox 一起使用", "bbox-crs needs a bbox");
            }
            return Optional.empty();
        }
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw badBbox(text, "4 或 6 个数", "it needs 4 numbers (or 6 with heights)");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = BBOX_NUMBER.require(parts[i]);
        }
        int half = parts.length / 2;
        double minFirst = values[0];
        double minSecond = values[1];
        double maxFirst = values[half];
        double maxSecond = values[half + 1];
        if (minFirst > maxFirst || minSecond > maxSecond) {
            throw badBbox(text, "最小值大于最大值", "a minimum is greater than its maximum");
        }
        if (!crs.validArea().contains(new Envelope(minFirst, maxFirst, minSecond, maxSecond))) {
            throw badBbox(text, "超出 bbox-crs 的有效范围（" + crs.validAreaZh() + "）",
                    "it is outside the valid area of bbox-crs " + crs.validAreaEn());
        }
        return Optional.of(crs.toWgs84(minFirst, minSecond, maxFirst, maxSecond));
    }

    private static InvalidQueryException badBbox(String text, String whyZh, String whyEn) {
        return new InvalidQueryException("bbox 参数无效（" + text + "）：" + whyZh,
                "invalid bbox '" + text + "': " + whyEn);
    }

    private static List<SortKey> sortBy(LayerInfo layer, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String key = part.trim();
            boolean ascending = !key.startsWith("-");
            if (key.startsWith("-") || key.startsWith("+")) {
                key = key.substring(1);
            }
            if (key.isEmpty()) {
                throw new InvalidQueryException("sortby 参数无效：" + text, "invalid sortby '" + text
                        + "'; use property names separated by commas, each optionally prefixed by + or -");
            }
            if (!CollectionSchema.sortable(layer, key)) {
                throw new InvalidQueryException("不能按“" + key + "”排序：它不是集合“" + layer.id() + "”的可排序属性",
                        "cannot sort by '" + key + "': not a sortable of collection '" + layer.id()
                                + "' (see its sortables)");
            }
            keys.add(new SortKey(key, ascending));
        }
        return keys;
    }

    private static Optional<List<String>> properties(LayerInfo layer, String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (layer.field(name).isEmpty()) {
                throw new InvalidQueryException("集合“" + layer.id() + "”没有属性“" + name + "”",
                        "collection '" + layer.id() + "' has no property '" + name + "'");
            }
            names.add(name);
        }
        return Optional.of(List.copyOf(names));
    }
}
