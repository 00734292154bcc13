package org.changchun.layout.indicators;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.changchun.layout.indicators.ObservationTable.Column;
import org.changchun.layout.indicators.ObservationTable.Row;
import org.changchun.layout.problem.InvalidRowsException;
import org.changchun.layout.problem.RowProblem;

/**
 * Checks rows of figures before anything is written, and names every bad row: an unknown
 * indicator (given by id, or its Chinese or English label), a year outside
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR}, an unknown area (the whole city or a district, by
 * adcode or name), a value that is not a number, a unit other than the indicator's, a figure
 * without a source that is not marked as a sample, a sample flag that is neither yes nor no, or a
 * figure the table already gave on an earlier line.
 */
public final class ObservationCheck {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_SOURCE_LENGTH = 1000;

    /** A plain decimal number, optionally with thousands separators (as Excel may format it). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final List<String> YES = List.of("true", "yes", "y", "1", "是", "√");
    private static final List<String> NO = List.of("false", "no", "n", "0", "否", "");

    private final List<Indicator> indicators;
    private final List<IndicatorArea> areas;

    /**
     * @param areas the areas figures may be given for, the whole city first
     */
    public ObservationCheck(List<Indicator> indicators, List<IndicatorArea> areas) {
        this.indicators = List.copyOf(indicators);
        this.areas = List.copyOf(areas);
    }

    /**
     * The figures the rows give, in their order.
     *
     * @param recordedBy who records them (null: the service, loading its baseline)
     * @throws InvalidRowsException listing every bad row, if there is one
     */
    public List<Observation> check(List<Row> rows, String recordedBy, OffsetDateTime recordedAt) {
        List<RowProblem> problems = new ArrayList<>();
        List<Observation> figures = new ArrayList<>();
        Map<ObservationKey, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            List<RowProblem> found = new ArrayList<>();
            Optional<Indicator> indicator = indicator(row, found);
            Optional<Integer> year = year(row, found);
            Optional<IndicatorArea> area = area(row, found);
            Optional<Double> value = value(row, indicator, found);
            indicator.ifPresent(i -> unit(row, i, found));
            Optional<Boolean> sample = sample(row, found);
            String source = row.text(Column.SOURCE);
            if (source.length() > MAX_SOURCE_LENGTH) {
                found.add(problem(row, Column.SOURCE, "来源超过 " + MAX_SOURCE_LENGTH + " 个字符",
                        "the source is longer than " + MAX_SOURCE_LENGTH + " characters"));
            } else if (source.isEmpty() && sample.isPresent() && !sample.get()) {
                found.add(problem(row, Column.SOURCE, "须注明来源（如“长春市2024年国民经济和社会发展统计公报”），或标为示例数据",
                        "name the source (e.g. the city's statistics bulletin and its year), or mark the figure as a "
                                + "sample"));
            }
            if (found.isEmpty()) {
                ObservationKey key = new ObservationKey(indicator.get().id(), year.get(), area.get().adcode());
                Integer earlier = seen.putIfAbsent(key, row.line());
                if (earlier != null) {
                    found.add(new RowProblem(row.line(), null, "与第 " + earlier + " 行重复：同一指标、年份和区域只能有一个数值",
                            "repeats line " + earlier + ": one figure per indicator, year and area"));
                } else {
                    figures.add(new Observation(key.indicator(), key.year(), key.area(), value.get(),
                            source.isEmpty() ? null : source, sample.get(), recordedAt, recordedBy));
                }
            }
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            long badRows = problems.stream().mapToInt(RowProblem::line).distinct().count();
            throw new InvalidRowsException("有 " + badRows + " 行数据不对，未写入任何数据；请改正后重新提交",
                    badRows + " row(s) are not right; nothing was written: fix them and send the table again",
                    problems);
        }
        return figures;
    }

    private Optional<Indicator> indicator(Row row, List<RowProblem> found) {
        String text = row.text(Column.INDICATOR);
        if (text.isEmpty()) {
            found.add(missing(row, Column.INDICATOR));
            return Optional.empty();
        }
        Optional<Indicator> match = indicators.stream().filter(i -> i.id().equals(text) || i.labelZh().equals(text)
                || i.labelEn().equalsIgnoreCase(text)).findFirst();
        if (match.isEmpty()) {
            found.add(problem(row, Column.INDICATOR, "未知指标“" + text + "”（用指标编号，如 grain-output，或其中文名称）",
                    "unknown indicator \"" + text + "\" (give its id, e.g. grain-output, or its label)"));
        }
        return match;
    }

    private static Optional<Integer> year(Row row, List<RowProblem> found) {
        String text = row.text(Column.YEAR);
        if (text.isEmpty()) {
            found.add(missing(row, Column.YEAR));
            return Optional.empty();
        }
        if (!YEAR.matcher(text).matches() || Integer.parseInt(text) < FIRST_YEAR || Integer.parseInt(text) > LAST_YEAR) {
            found.add(problem(row, Column.YEAR, "年份“" + text + "”应为 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间的整数",
                    "year \"" + text + "\" must be a whole number from " + FIRST_YEAR + " to " + LAST_YEAR));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    private Optional<IndicatorArea> area(Row row, List<RowProblem> found) {
        String text = row.text(Column.AREA);
        if (text.isEmpty()) {
            found.add(missing(row, Column.AREA));
            return Optional.empty();
        }
        Optional<IndicatorArea> match = match(text);
        if (match.isEmpty()) {
            String city = areas.isEmpty() ? "" : areas.get(0).adcode();
            found.add(problem(row, Column.AREA, "未知区域“" + text + "”：应为全市（" + city + "）或区县的行政区划代码、名称",
                    "unknown area \"" + text + "\": give the whole city (" + city + ") or a district, by adcode or name"));
        }
        return match;
    }

    /** The area written: its adcode, its Chinese or English name, or 全市 / 长春市 / "city" for the whole city. */
    private Optional<IndicatorArea> match(String text) {
        if (areas.isEmpty()) {
            return Optional.empty();
        }
        if (List.of("全市", "长春市", "长春", "city", "city-wide", "whole city").contains(text.toLowerCase(Locale.ROOT))) {
            return Optional.of(areas.get(0));
        }
        return areas.stream().filter(a -> a.adcode().equals(text) || text.equals(a.nameZh())
                || text.equalsIgnoreCase(a.nameEn())).findFirst();
    }

    private static Optional<Double> value(Row row, Optional<Indicator> indicator, List<RowProblem> found) {
        String text = row.text(Column.VALUE);
        if (text.isEmpty()) {
            found.add(missing(row, Column.VALUE));
            return Optional.empty();
        }
        String number = text.endsWith("%") && indicator.map(i -> i.unitZh().equals("%")).orElse(false)
                ? text.substring(0, text.length() - 1).strip() : text;
        if (!NUMBER.matcher(number).matches()) {
            found.add(problem(row, Column.VALUE, "数值“" + text + "”不是数字", "value \"" + text + "\" is not a number"));
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(number.replace(",", "")));
    }

    private static void unit(Row row, Indicator indicator, List<RowProblem> found) {
        String text = row.text(Column.UNIT);
        if (text.isEmpty() || sameUnit(text, indicator.unitZh()) || sameUnit(text, indicator.unitEn())) {
            return;
        }
        String hint = indicator.kind() == IndicatorKind.GROWTH_RATE ? "（年均增速指标记录每年的" + indicator.unitZh() + "，不是增长率）" : "";
        String hintEn = indicator.kind() == IndicatorKind.GROWTH_RATE
                ? " (a growth-rate indicator records each year's level in " + indicator.unitEn() + ", not the rate)" : "";
        found.add(problem(row, Column.UNIT, "单位“" + text + "”与指标“" + indicator.labelZh() + "”的单位“"
                        + indicator.unitZh() + "”不符" + hint,
                "unit \"" + text + "\" is not the unit of " + indicator.id() + " (" + indicator.unitZh() + ", "
                        + indicator.unitEn() + ")" + hintEn));
    }

    private static boolean sameUnit(String given, String unit) {
        return given.replace(" ", "").equalsIgnoreCase(unit.replace(" ", ""));
    }

    private static Optional<Boolean> sample(Row row, List<RowProblem> found) {
        String text = row.text(Column.SAMPLE).toLowerCase(Locale.ROOT);
        if (YES.contains(text)) {
            return Optional.of(true);
        }
        if (NO.contains(text)) {
            return Optional.of(false);
        }
        found.add(problem(row, Column.SAMPLE, "示例数据一栏应为“是”或“否”（true/false），而不是“" + text + "”",
                "sample must be yes or no (true/false, 是/否), not \"" + text + "\""));
        return Optional.empty();
    }

    private static RowProblem missing(Row row, Column column) {
        return problem(row, column, "缺少“" + column.label() + "”", "no " + column.label());
    }

    private static RowProblem problem(Row row, Column column, String messageZh, String messageEn) {
        return new RowProblem(row.line(), column.label(), messageZh, messageEn);
    }
}
