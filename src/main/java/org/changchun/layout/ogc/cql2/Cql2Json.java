package org.changchun.layout.ogc.cql2;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses filters in the CQL2 JSON encoding (OGC 21-065r2, Annex C), as sent in {@code filter=}
 * with {@code filter-lang=cql2-json}, into the same store-neutral {@link Filter} records as
 * {@link Cql2Text}: a filter written in either encoding is one query, run by one translation.
 *
 * <p>What is supported and refused is what {@link Cql2Text} supports and refuses. Messages name
 * the place in the document as a JSON pointer ({@code /args/1/args/0}); the only exception
 * thrown is {@link InvalidQueryException}. Thread-safe.
 */
public final class Cql2Json {

    private static final Map<Integer, JsonMapper> MAPPERS = new ConcurrentHashMap<>();

    private Cql2Json() {
    }

    /**
     * Parses a CQL2 JSON filter written as text.
     *
     * @param maxDepth  the deepest nesting of operators to accept (each operator is an object
     *                  and its argument array); bounds the reader's recursion
     * @param maxLength the longest filter to accept, in UTF-16 characters
     */
    public static Filter parse(String json, ApiCrs crs, int maxDepth, int maxLength) {
        if (maxDepth < 1 || maxLength < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        if (json == null || json.isBlank()) {
            throw Cql2Errors.empty();
        }
        if (json.length() > maxLength) {
            throw Cql2Errors.tooLong(json.length(), maxLength);
        }
        JsonNode tree;
        try {
            tree = mapper(maxDepth).readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InvalidQueryException("CQL2 JSON 过滤条件嵌套超过 " + maxDepth + " 层",
                    "CQL2 JSON filter nests deeper than " + maxDepth + " levels");
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (" + e.getLocation().getCharOffset() + ")";
            throw new InvalidQueryException("CQL2 JSON 过滤条件不是有效的 JSON" + where + "：" + e.getOriginalMessage(),
                    "CQL2 JSON filter is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        return parse(tree, crs);
    }

    /** Parses a CQL2 JSON filter already read, e.g. from a request body. */
    public static Filter parse(JsonNode filter, ApiCrs crs) {
        try {
            return new JsonFilterBuilder(crs).filter(filter, "");
        } catch (StackOverflowError e) {
            throw Cql2Errors.tooComplex();
        }
    }

    /**
     * A reader that refuses duplicate members (which of two "op"s would count?) and nesting
     * beyond the limit: two levels per operator, a few more for a geometry's coordinates. One
     * per limit, made once: the limit is configuration, and a mapper is costly to build.
     */
    private static JsonMapper mapper(int maxDepth) {
        return MAPPERS.computeIfAbsent(maxDepth, Cql2Json::newMapper);
    }

    private static JsonMapper newMapper(int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * maxDepth + 4).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory).build();
    }
}
