package org.changchun.layout.indicators;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.changchun.layout.indicators.ObservationTable.Column;
import org.changchun.layout.indicators.ObservationTable.Row;
import org.changchun.layout.problem.InvalidRowsException;
import org.changchun.layout.problem.RowProblem;
import tools.jackson.databind.JsonNode;

/**
 * Figures sent as JSON, read into the rows {@link ObservationCheck} checks, so a JSON body and an
 * uploaded table are judged by the same rules; an item's "line" is its position in the list, from 1.
 * Numbers may be JSON numbers or text, the sample flag a boolean or text.
 */
final class ObservationJson {

    private static final Map<String, Column> MEMBERS = Map.of("indicator", Column.INDICATOR, "year", Column.YEAR,
            "area", Column.AREA, "value", Column.VALUE, "unit", Column.UNIT, "source", Column.SOURCE,
            "sample", Column.SAMPLE);

    private ObservationJson() {
    }

    /** The items of {@code {"observations": [...]}}. */
    static List<Row> rows(JsonNode body) {
        JsonNode items = body == null || !body.isObject() ? null : body.get("observations");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRowsException("请求体应为 {\"observations\": [{\"indicator\", \"year\", \"area\", \"value\", …}, …]}，且至少有一项",
                    "the body must be {\"observations\": [{\"indicator\", \"year\", \"area\", \"value\", …}, …]} with "
                            + "at least one item", List.of());
        }
        if (items.size() > ObservationTable.MAX_ROWS) {
            throw new InvalidRowsException("超过 " + ObservationTable.MAX_ROWS + " 项；请分批提交",
                    "more than " + ObservationTable.MAX_ROWS + " items; send them in parts", List.of());
        }
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int line = 0;
        for (JsonNode item : items) {
            line++;
            rows.add(row(item, line, Map.of(), problems));
        }
        refuseIf(problems);
        return rows;
    }

    /**
     * One figure whose key is given elsewhere (a path): {@code {"value", "unit", "source", "sample"}}.
     *
     * @param key the cells the path gives (indicator, year, area)
     */
    static Row row(JsonNode body, Map<Column, String> key) {
        List<RowProblem> problems = new ArrayList<>();
        Row row = row(body, 1, key, problems);
        refuseIf(problems);
        return row;
    }

    private static Row row(JsonNode item, int line, Map<Column, String> given, List<RowProblem> problems) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.putAll(given);
        if (item == null || !item.isObject()) {
            problems.add(new RowProblem(line, null, "每一项应为对象（{\"indicator\": …}）", "each item must be an object"));
            return new Row(line, cells);
        }
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonNode> member : item.properties()) {
            Column column = MEMBERS.get(member.getKey());
            if (column == null || given.containsKey(column)) {
                unknown.add(member.getKey());
                continue;
            }
            JsonNode value = member.getValue();
            if (value.isNumber()) {
                cells.put(column, value.decimalValue().toPlainString());
            } else if (value.isString() || value.isBoolean()) {
                cells.put(column, value.asString());
            } else if (!value.isNull()) {
                problems.add(new RowProblem(line, member.getKey(), "“" + member.getKey() + "”应为数字、文字或布尔值",
                        "\"" + member.getKey() + "\" must be a number, text or a boolean"));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new RowProblem(line, null, "不认识的成员 " + unknown + "；可用：" + allowed(given),
                    "unknown member(s) " + unknown + "; allowed: " + allowed(given)));
        }
        return new Row(line, cells);
    }

    private static Set<String> allowed(Map<Column, String> given) {
        Set<String> names = new TreeSet<>();
        MEMBERS.forEach((name, column) -> {
            if (!given.containsKey(column)) {
                names.add(name);
            }
        });
        return names;
    }

    private static void refuseIf(List<RowProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRowsException("有数据项格式不对，未写入任何数据", "some items are malformed; nothing was written",
                    problems);
        }
    }
}
