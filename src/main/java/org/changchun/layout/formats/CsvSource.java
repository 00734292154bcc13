package org.changchun.layout.formats;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.changchun.layout.feature.FieldType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A table of coordinates (CSV, as Excel and GDAL write it): a header line, then one feature per
 * line, its geometry in a WKT column or in longitude/latitude (or x/y) columns found by their
 * names ({@link CsvColumns}), its other columns typed from their values ({@link InferredFields})
 * or by a GDAL {@code .csvt} beside it. A {@code .prj} beside it names the coordinate system;
 * without one the coordinates say nothing about it ({@link DeclaredCrs#none}). Streamed in two
 * passes, the first for the fields, geometry type, extent and count.
 */
public final class CsvSource extends InferredSource {

    private final Path file;
    private final Charset charset;
    private final CSVFormat format;
    private final CsvColumns columns;
    private final DeclaredCrs crs;
    private CSVParser reading;

    private CsvSource(Path file, Charset charset, CSVFormat format, CsvColumns columns, DeclaredCrs crs) {
        super(true);
        this.file = file;
        this.charset = charset;
        this.format = format;
        this.columns = columns;
        this.crs = crs;
    }

    /**
     * Reads the file once with this charset (e.g. from {@code DbfEncoding.detectText}).
     *
     * @throws UnreadableSourceException when no geometry columns are found, or a geometry cannot be read
     */
    public static CsvSource open(Path file, Charset charset) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(file, charset)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).get();
        List<String> header;
        try (CSVParser parser = parser(file, charset, format)) {
            header = parser.getHeaderNames();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
        CsvColumns columns = CsvColumns.find(header);
        Path prj = sibling(file, ".prj");
        DeclaredCrs crs = Files.isRegularFile(prj)
                ? DeclaredCrs.wkt(read(prj, StandardCharsets.ISO_8859_1), "CSV 旁的 .prj 文件", "the .prj beside the CSV")
                : DeclaredCrs.none("CSV 本身不含坐标系", "a CSV does not say its coordinate system");
        CsvSource source = new CsvSource(file, charset, format, columns, crs);
        source.declareTypes(header);
        source.firstPass();
        return source;
    }

    public DeclaredCrs crs() {
        return crs;
    }

    /** The columns the geometry is read from, e.g. ["WKT"] or ["经度", "纬度"]. */
    public List<String> geometryColumns() {
        return columns.geometryColumns();
    }





    @Override
    public Iterator<SourceRecord> records() {
        startReading();
        reading = parser();
        Iterator<CSVRecord> rows = reading.iterator();
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return safely(rows::hasNext);
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord row = safely(rows::next);
                int i = index++;
                return new SourceRecord(i, geometry.fit(geometryOf(row)), fields.values(values(row)));
            }
        };
    }


    @Override
    public void close() {
        if (reading != null) {
            try {
                reading.close();
            } catch (IOException e) {
                // a file only read: nothing can be lost
            }
        }
    }

    private void firstPass() {
        try (CSVParser parser = parser()) {
            for (CSVRecord row : parser) {
                count++;
                geometry.observe(geometryOf(row));
                values(row).forEach(fields::observe);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private CSVParser parser() {
        return parser(file, charset, format);
    }

    /** A parser of the file from its start, past a byte order mark (Excel writes one before UTF-8). */
    private static CSVParser parser(Path file, Charset charset, CSVFormat format) {
        try {
            Reader reader = Files.newBufferedReader(file, charset);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GDAL .csvt beside the file: one type per column, e.g. "Integer","String","Real","Date". */
    private void declareTypes(List<String> header) {
        Path csvt = sibling(file, ".csvt");
        if (!Files.isRegularFile(csvt)) {
            return;
        }
        String[] types = read(csvt, StandardCharsets.US_ASCII).strip().split(",");
        for (int i = 0; i < Math.min(types.length, header.size()); i++) {
            String type = types[i].replace("\"", "").strip().replaceAll("\\(.*\\)", "");
            Optional<FieldType> declared = switch (type.toLowerCase(java.util.Locale.ROOT)) {
                case "integer", "integer64" -> Optional.of(FieldType.INTEGER);
                case "real" -> Optional.of(FieldType.NUMBER);
                case "date" -> Optional.of(FieldType.DATE);
                case "string" -> Optional.of(FieldType.STRING);
                default -> Optional.empty();
            };
            int column = i;
            declared.ifPresent(t -> fields.declare(header.get(column), t));
        }
    }

    private Map<String, Object> values(CSVRecord row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : columns.attributeColumns()) {
            String value = row.isSet(name) ? row.get(name) : null;
            values.put(name, value == null || value.isBlank() ? null : value);
        }
        return values;
    }

    private Geometry geometryOf(CSVRecord row) {
        List<String> texts = new ArrayList<>();
        for (String column : columns.geometryColumns()) {
            texts.add(row.isSet(column) ? row.get(column).strip() : "");
        }
        if (texts.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        long line = row.getRecordNumber() + 1;
        try {
            if (texts.size() == 1) {
                return new WKTReader(new GeometryFactory()).read(texts.get(0));
            }
            return new GeometryFactory().createPoint(new Coordinate(Double.parseDouble(texts.get(0)),
                    Double.parseDouble(texts.get(1))));
        } catch (ParseException | NumberFormatException e) {
            throw new UnreadableSourceException("第 " + line + " 行的坐标无法读取（" + String.join(", ", texts) + "）",
                    "the coordinates on line " + line + " cannot be read (" + String.join(", ", texts) + "): "
                            + e.getMessage());
        }
    }

    /** Comma, unless the header line has none and holds semicolons or tabs (European Excel, tab-separated text). */
    private static char delimiter(Path file, Charset charset) {
        String first;
        try (var lines = Files.newBufferedReader(file, charset)) {
            first = Optional.ofNullable(lines.readLine()).orElse("");
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        return first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') >= 0 ? ';' : ',';
    }

    private static <T> T safely(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    private static String read(Path file, Charset charset) {
        try {
            return Files.readString(file, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnreadableSourceException unreadable(Exception e) {
        return new UnreadableSourceException("CSV 无法读取：" + e.getMessage(), "the CSV cannot be read: " + e.getMessage());
    }
}
