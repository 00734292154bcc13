package org.changchun.layout.indicators;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.changchun.layout.problem.InvalidRowsException;
import org.changchun.layout.problem.RowProblem;

/**
 * A table of figures as people write it, in CSV: UTF-8 (with or without the byte-order mark Excel
 * writes) or GBK/GB18030 (what Excel writes on Chinese Windows as plain "CSV"), told apart by the
 * bytes unless the sender names the encoding; commas, or tabs when the header has no comma; a header
 * row whose names may be Chinese or English ({@link Column}), in any order, with columns this
 * service does not read (a note, a label) ignored; blank rows skipped.
 */
public final class ObservationTable {

    /** The columns read, with the header names each answers to (compared ignoring case and spaces). */
    public enum Column {
        INDICATOR(true, "indicator", "indicator_id", "指标", "指标编号", "指标名称"),
        YEAR(true, "year", "年份", "年度", "年"),
        AREA(true, "area", "adcode", "area_code", "区域", "地区", "行政区", "区划代码", "行政区划代码"),
        VALUE(true, "value", "数值", "值", "指标值"),
        UNIT(false, "unit", "单位"),
        SOURCE(false, "source", "来源", "数据来源"),
        SAMPLE(false, "sample", "示例数据", "示例");

        private final boolean required;
        private final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        /** The English and the first Chinese name, as messages name the column. */
        public String label() {
            return names.get(0) + "（" + names.stream().filter(n -> !n.matches("[a-z_]+")).findFirst().orElseThrow()
                    + "）";
        }

        static Optional<Column> named(String header) {
            String name = header.strip().replace(" ", "").toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(c -> c.names.contains(name)).findFirst();
        }
    }

    /** One row: its line in the file and the text of each column it has. */
    public record Row(int line, Map<Column, String> cells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        /** The cell's text, stripped; empty when the column is absent or the cell blank. */
        public String text(Column column) {
            String text = cells.get(column);
            return text == null ? "" : text.strip();
        }
    }

    /** What was read: the encoding it was read in and the rows, in order. */
    public record Parsed(Charset charset, List<Row> rows) {
    }

    /** More rows than this are refused: yearly figures of a city's indicators are some hundreds. */
    public static final int MAX_ROWS = 20_000;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private ObservationTable() {
    }

    /**
     * @param encoding the encoding the sender named ("UTF-8", "GBK", "GB18030", "GB2312"), or empty to tell
     *                 it from the bytes
     * @throws InvalidRowsException if the file cannot be read as such a table (the rows are checked later)
     */
    public static Parsed read(byte[] content, Optional<String> encoding) {
        Charset charset = encoding.map(ObservationTable::named).orElseGet(() -> detect(content));
        String text = decode(content, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        LineNumbers lines = new LineNumbers(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Integer, Column> columns = null;
            List<Row> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            int line = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // commons-csv's word for a quote left open, or text after a closing quote
                    throw refused("不是有效的 CSV：第 " + (line + 1) + " 行起引号不成对或引号后有多余文字",
                            "not valid CSV: from line " + (line + 1) + " on, a quote is left open or text follows a "
                                    + "closing quote", new RowProblem(line + 1, null, "引号不成对或引号后有多余文字",
                                    "a quote left open, or text after a closing quote"));
                }
                line = lines.of(record.getCharacterPosition());
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(record, line);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw refused("表格超过 " + MAX_ROWS + " 行；请分批上传", "the table has more than " + MAX_ROWS
                            + " rows; upload it in parts", new RowProblem(line, null, "第 " + MAX_ROWS + " 行之后的行",
                            "rows beyond the " + MAX_ROWS + "th"));
                }
                Map<Column, String> cells = new EnumMap<>(Column.class);
                for (Map.Entry<Integer, Column> column : columns.entrySet()) {
                    if (column.getKey() < record.size()) {
                        cells.put(column.getValue(), record.get(column.getKey()));
                    }
                }
                rows.add(new Row(line, cells));
            }
            if (columns == null || rows.isEmpty()) {
                throw refused("表格没有数据行：第一行应为表头（指标、年份、区域、数值…），其后每行一个数值",
                        "the table has no rows of figures: the first line is the header (indicator, year, area, "
                                + "value…), then one figure a line", new RowProblem(1, null, "没有数据行", "no rows"));
            }
            return new Parsed(charset, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string does not fail", e);
        }
    }

    private static Map<Integer, Column> header(CSVRecord record, int line) {
        Map<Integer, Column> columns = new TreeMap<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            Optional<Column> column = Column.named(name.startsWith("\uFEFF") ? name.substring(1) : name);
            if (column.isPresent()) {
                if (columns.containsValue(column.get())) {
                    problems.add(new RowProblem(line, name, "表头中“" + column.get().label() + "”列出现了两次",
                            "the header names the column " + column.get().label() + " twice"));
                }
                columns.put(i, column.get());
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsValue(column)) {
                problems.add(new RowProblem(line, null, "表头缺少“" + column.label() + "”列",
                        "the header lacks the column " + column.label()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRowsException("表头不对：需要指标、年份、区域、数值列（中文或英文列名），可选单位、来源、示例数据",
                    "the header is not right: it needs the columns indicator, year, area and value (Chinese or "
                            + "English names), and may have unit, source and sample", problems);
        }
        return columns;
    }

    private static InvalidRowsException refused(String messageZh, String messageEn, RowProblem row) {
        return new InvalidRowsException(messageZh, messageEn, List.of(row));
    }

    private static Charset named(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936", "936" -> GB18030;
            default -> throw new InvalidRowsException("不支持的编码“" + name + "”；可用：UTF-8、GBK、GB18030",
                    "unsupported encoding \"" + name + "\"; use UTF-8, GBK or GB18030", List.of());
        };
    }

    /** UTF-8 when it has Excel's byte-order mark or is valid UTF-8; GB18030 (a superset of GBK) otherwise. */
    private static Charset detect(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            throw new InvalidRowsException("这是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或“CSV”",
                    "this is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" or \"CSV\" instead",
                    List.of());
        }
        if (startsWith(content, UTF8_BOM)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    private static String decode(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRowsException("文件不是有效的 " + charset.name() + " 文本；请另存为“CSV UTF-8”，或用 encoding 参数说明编码",
                    "the file is not valid " + charset.name() + " text; save it as \"CSV UTF-8\", or name its "
                            + "encoding with the encoding parameter", List.of());
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The line a character of the text is on, from 1. */
    private static final class LineNumbers {

        private final String text;
        private final int[] starts;

        LineNumbers(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the first character at or after the position that is not a line break (blank lines skipped). */
        int of(long position) {
            int at = (int) position;
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            int index = Arrays.binarySearch(starts, at);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
