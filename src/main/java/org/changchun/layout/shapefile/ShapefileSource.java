package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.util.GeometryEditor;

/**
 * Reads one shapefile, streaming: geometries in the source coordinates, attributes typed.
 *
 * <p>{@link #open} checks, before any record is read, that the files are whole and agree: the
 * .shp and .shx headers (magic 9994, version 1000, the same shape type), each file at least as
 * long as its header says (a truncated file is refused, naming expected and actual bytes), the
 * .shx holding as many records as the .dbf, and a sane .dbf header. Refusals are
 * {@link InvalidShapefileException}s in Chinese and English.
 *
 * <p>Geometries: H2GIS's {@code ShapefileReader} and {@code IndexFile} find the records (see
 * {@link ShapeHandlers} for what is read by whom). Every geometry comes out 2D: Z and M values
 * are dropped, and {@link #geometryType()} names the 2D type for Z/M files ("PolygonZ" is read
 * as "MultiPolygon"; {@link #shapeType()} keeps the stored name). Points stay Points; polylines
 * are always MultiLineStrings and polygons always MultiPolygons. A null shape, or an empty one,
 * gives a {@code null} geometry.
 *
 * <p>Attributes: C → STRING (trimmed of padding), N with no decimals and width ≤ 18 → INTEGER
 * ({@code Long}), other N and F → NUMBER ({@code Double}), L → BOOLEAN, D → DATE
 * ({@link LocalDate}). Fields of other dBase types (memo, binary, …) are left out and listed in
 * {@link #ignoredFields()}. Blank values, the null markers writers use (all {@code *} in a
 * number, {@code 00000000} in a date, {@code ?} in a logical) and values that cannot be parsed
 * become {@code null}; only the last are counted, in {@link #unreadableValues()}, since the
 * others are how shapefiles store nulls. Records the .dbf marks deleted are skipped, as GDAL
 * does, and counted in {@link #deletedRecords()}.
 *
 * <p>Memory stays constant whatever the size: records are read one at a time from small buffers.
 */
public final class ShapefileSource implements AutoCloseable {

    /** One record: its index in the files (from 0), its geometry (or null) and its values by field name. */
    public record Record(int index, Geometry geometry, Map<String, Object> values) {
    }

    private static final int HEADER = 100;
    private static final int MAGIC = 9994;
    private static final int VERSION = 1000;
    private static final GeometryFactory FLAT = ShapeHandlers.FLAT;

    private final ShapefileSet set;
    private final Charset charset;
    private final FileChannel shpChannel;
    private final long shpSize;
    private final ShapefileReader shapes;
    private final IndexFile index;
    private final ShapeHandlers.Checked handler;
    private final ShapeType shapeType;
    private final Envelope extent;
    private final int recordCount;
    private final DbfFile dbf;
    private final List<Column> columns;
    private final List<FieldSpec> fields;
    private final List<String> ignoredFields;
    private int unreadable;
    private int deleted;

    private ShapefileSource(ShapefileSet set, Charset charset, FileChannel shpChannel, long shpSize,
            ShapefileReader shapes, IndexFile index, ShapeHandlers.Checked handler, ShapeType shapeType,
            Envelope extent, int recordCount, DbfFile dbf) {
        this.set = set;
        this.charset = charset;
        this.shpChannel = shpChannel;
        this.shpSize = shpSize;
        this.shapes = shapes;
        this.index = index;
        this.handler = handler;
        this.shapeType = shapeType;
        this.extent = extent;
        this.recordCount = recordCount;
        this.dbf = dbf;
        this.columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<DbfFile.Field> dbfFields = dbf.fields();
        for (int i = 0; i < dbfFields.size(); i++) {
            DbfFile.Field field = dbfFields.get(i);
            String name = uniqueName(new String(field.rawName(), charset), i, taken);
            FieldType type = typeOf(field);
            if (type == null) {
                ignored.add(name + " (" + field.type() + ")");
                continue;
            }
            columns.add(new Column(new FieldSpec(name, type, null, null), field));
        }
        this.fields = columns.stream().map(Column::spec).toList();
        this.ignoredFields = List.copyOf(ignored);
    }

    /**
     * Opens a shapefile after checking that its files are whole and agree.
     *
     * @param charset the .dbf's text encoding, e.g. from {@link DbfEncoding#detect}
     * @throws InvalidShapefileException when a file is damaged, truncated or from another version
     */
    public static ShapefileSource open(ShapefileSet set, Charset charset) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            FileChannel shp = FileChannel.open(set.shp());
            opened.add(shp);
            FileChannel shx = FileChannel.open(set.shx());
            opened.add(shx);
            ShapefileHeader shpHeader = checkedHeader(set.shp().getFileName().toString(), ".shp", shp);
            ShapefileHeader shxHeader = checkedHeader(set.shx().getFileName().toString(), ".shx", shx);
            long shxBytes = 2L * shxHeader.getFileLength();
            if ((shxBytes - HEADER) % 8 != 0) {
                throw damaged(set.shx().getFileName().toString(), "文件头声明的长度 " + shxBytes + " 不是 100 + 8 × 记录数",
                        "its declared length " + shxBytes + " is not 100 + 8 × records");
            }
            ShapeType type = shpHeader.getShapeType();
            if (shxHeader.getShapeType() != type) {
                throw damaged(set.shx().getFileName().toString(), "图形类型（" + shxHeader.getShapeType() + "）与 .shp 的（" + type
                        + "）不同", "its shape type (" + shxHeader.getShapeType() + ") differs from the .shp's (" + type + ")");
            }
            requireSupported(set, type);
            int shapeCount = (int) ((shxBytes - HEADER) / 8);
            DbfFile dbf = DbfFile.open(set.dbf());
            opened.add(dbf);
            if (dbf.recordCount() != shapeCount) {
                throw new InvalidShapefileException(
                        "“" + set.name() + "”的 .shx 有 " + String.format("%,d", shapeCount) + " 个图形，但 .dbf 有 "
                                + String.format("%,d", dbf.recordCount()) + " 条记录：这些文件来自不同的版本；请重新导出后一起压缩上传",
                        "\"" + set.name() + "\" has " + String.format("%,d", shapeCount) + " shapes but the .dbf has "
                                + String.format("%,d", dbf.recordCount()) + " records: the files are from different "
                                + "versions; export them again and zip them together");
            }
            ShapefileReader reader = new ShapefileReader(shp);
            ShapeHandlers.Checked handler = ShapeHandlers.forType(type);
            reader.setHandler(handler);
            IndexFile index = new IndexFile(shx);
            Envelope extent = shapeCount == 0 ? new Envelope()
                    : new Envelope(shpHeader.minX(), shpHeader.maxX(), shpHeader.minY(), shpHeader.maxY());
            return new ShapefileSource(set, charset, shp, shp.size(), reader, index, handler, type, extent, shapeCount, dbf);
        } catch (IOException e) {
            closeAll(opened);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static ShapefileHeader checkedHeader(String name, String kind, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < HEADER) {
            throw truncated(name, kind, HEADER, size);
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        while (head.hasRemaining()) {
            if (channel.read(head, head.position()) < 0) {
                throw truncated(name, kind, HEADER, size);
            }
        }
        head.flip();
        int magic = head.order(ByteOrder.BIG_ENDIAN).getInt(0);
        int version = head.order(ByteOrder.LITTLE_ENDIAN).getInt(28);
        if (magic != MAGIC || version != VERSION) {
            throw damaged(name, "文件头的标识是 " + magic + "/" + version + "，不是 9994/1000，这不是 " + kind + " 文件",
                    "its header says " + magic + "/" + version + " instead of 9994/1000, so it is not a " + kind + " file");
        }
        ShapefileHeader header = new ShapefileHeader();
        header.read(head.rewind());
        long declared = 2L * header.getFileLength();
        if (declared < HEADER) {
            throw damaged(name, "文件头声明的长度 " + declared + " 不合理", "its declared length " + declared + " is not plausible");
        }
        if (size < declared) {
            throw truncated(name, kind, declared, size);
        }
        return header;
    }

    private static void requireSupported(ShapefileSet set, ShapeType type) {
        if (type.isPointType() || type.isMultiPointType() || type.isLineType() || type.isPolygonType()) {
            return;
        }
        String what = type == ShapeType.NULL ? "Null（不含图形）/ Null (no geometry)" : "MultiPatch 或未知 / MultiPatch or unknown";
        throw new InvalidShapefileException(
                "“" + set.name() + "”的图形类型是 " + what + "，无法导入；请导出为点、线或面",
                "\"" + set.name() + "\" has the shape type " + what + ", which cannot be imported: export it as points, "
                        + "lines or polygons");
    }

    private static InvalidShapefileException truncated(String name, String kind, long expected, long actual) {
        return new InvalidShapefileException(
                "文件不完整（被截断）：" + name + " 应有 " + String.format("%,d", expected) + " 字节，实际只有 "
                        + String.format("%,d", actual) + " 字节；请重新导出或重新压缩后上传完整的文件",
                "the " + kind + " is truncated: expected " + String.format("%,d", expected) + " bytes, found "
                        + String.format("%,d", actual) + " (" + name + "); export or zip it again and upload the whole file");
    }

    private static InvalidShapefileException damaged(String name, String whyZh, String whyEn) {
        return new InvalidShapefileException("文件 " + name + " 已损坏：" + whyZh + "；请重新导出 shapefile",
                "the file " + name + " is damaged: " + whyEn + "; export the shapefile again");
    }

    /** The number of records (shapes), deleted ones included. */
    public int recordCount() {
        return recordCount;
    }

    /** The layer's 2D geometry type: "Point", "MultiPoint", "MultiLineString" or "MultiPolygon". */
    public String geometryType() {
        if (shapeType.isPointType()) {
            return "Point";
        }
        if (shapeType.isMultiPointType()) {
            return "MultiPoint";
        }
        return shapeType.isLineType() ? "MultiLineString" : "MultiPolygon";
    }

    /** The shape type as stored, e.g. "Polygon", "PolygonZ", "ArcM", for reports. */
    public String shapeType() {
        return shapeType.name;
    }

    /** The attribute fields, in file order, with unique names of at most 63 UTF-8 bytes. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** Fields left out because their dBase type is not one of C, N, F, L, D: "name (type)". */
    public List<String> ignoredFields() {
        return ignoredFields;
    }

    /** The extent the .shp header declares, in source coordinates (a null envelope when empty). */
    public Envelope sourceExtent() {
        return new Envelope(extent);
    }

    /** The charset the text is decoded with. */
    public Charset charset() {
        return charset;
    }

    /** Values of the latest pass over {@link #records()} that could not be parsed and became null. */
    public int unreadableValues() {
        return unreadable;
    }

    /** Records of the latest pass that the .dbf marks deleted, skipped. */
    public int deletedRecords() {
        return deleted;
    }

    /**
     * A pass over the records in file order, reading each as it is asked for. Each call starts a
     * new pass and resets the counts; passes must not be interleaved with {@link #close()}.
     *
     * @throws InvalidShapefileException from {@code next()} when a record is damaged
     */
    public Iterator<Record> records() {
        unreadable = 0;
        deleted = 0;
        return new Cursor();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(shapes::close);
        all.add(index::close);
        all.add(dbf);
        all.add(shpChannel);
        closeAll(all);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // read-only files: nothing can be lost
            }
        }
    }

    private final class Cursor implements Iterator<Record> {

        private final DbfFile.Records rows = dbf.records();
        private Record pending;

        @Override
        public boolean hasNext() {
            while (pending == null && rows.next()) {
                if (rows.deleted()) {
                    deleted++;
                    continue;
                }
                int i = rows.index();
                pending = new Record(i, geometry(i), values());
            }
            return pending != null;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = pending;
            pending = null;
            return record;
        }

        private Geometry geometry(int i) {
            try {
                long offset = index.getOffset(i);
                long content = 2L * index.getContentLength(i);
                if (offset < HEADER || content < 4 || offset + 8 + content > shpSize) {
                    throw damagedRecord(i, "the .shx points outside the .shp (offset " + offset + ", length " + content
                            + ", file " + shpSize + " bytes)");
                }
                handler.expect((int) content);
                return flat(shapes.geomAt((int) offset));
            } catch (ShapeHandlers.DamagedRecord e) {
                throw damagedRecord(i, e.getMessage());
            } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException
                    | java.nio.BufferUnderflowException e) {
                throw damagedRecord(i, String.valueOf(e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private InvalidShapefileException damagedRecord(int i, String why) {
            return new InvalidShapefileException(
                    "“" + set.name() + "”的第 " + (i + 1) + " 个图形已损坏（" + why + "）；请在 GIS 软件中修复或重新导出",
                    "shape " + (i + 1) + " of \"" + set.name() + "\" is damaged (" + why + "): repair it in a GIS or "
                            + "export again");
        }

        private Map<String, Object> values() {
            byte[] bytes = rows.bytes();
            Map<String, Object> values = new LinkedHashMap<>(Math.max(4, columns.size() * 2));
            for (Column column : columns) {
                values.put(column.spec.name(), value(column, bytes, rows.fieldStart(column.field)));
            }
            return Collections.unmodifiableMap(values);
        }
    }

    private Object value(Column column, byte[] bytes, int start) {
        int length = column.field.length();
        int end = start + length;
        int from = start;
        int to = end;
        while (from < to && (bytes[from] == ' ' || bytes[from] == 0)) {
            from++;
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == 0)) {
            to--;
        }
        if (from == to) {
            return null;
        }
        switch (column.spec.type()) {
            case STRING:
                return text(bytes, from, to, to == end);
            case INTEGER:
                return integer(bytes, from, to);
            case NUMBER:
                return number(bytes, from, to);
            case BOOLEAN:
                return logical(bytes[from]);
            case DATE:
                return date(bytes, from, to);
            default:
                throw new IllegalStateException(column.spec.type().toString());
        }
    }

    private String text(byte[] bytes, int from, int to, boolean full) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String text = new String(bytes, from, to - from, charset);
        if (full) {
            // writers cut text to the field width by bytes, which can split the last character
            int keep = text.length();
            while (keep > 0 && text.charAt(keep - 1) == '\uFFFD') {
                keep--;
            }
            text = text.substring(0, keep).stripTrailing();
        }
        return text.isEmpty() ? null : text;
    }

    private Long integer(byte[] bytes, int from, int to) {
        if (allStars(bytes, from, to)) {
            return null;
        }
        int i = from;
        boolean negative = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
        }
        if (i < to && to - i <= 18) {
            long value = 0;
            boolean digits = true;
            for (int k = i; k < to; k++) {
                int d = bytes[k] - '0';
                if (d < 0 || d > 9) {
                    digits = false;
                    break;
                }
                value = value * 10 + d;
            }
            if (digits) {
                return negative ? -value : value;
            }
        }
        Double asNumber = parseDouble(bytes, from, to);
        if (asNumber != null && asNumber == Math.rint(asNumber) && Math.abs(asNumber) < 9.0e18) {
            return asNumber.longValue();
        }
        unreadable++;
        return null;
    }

    private Double number(byte[] bytes, int from, int to) {
        if (allStars(bytes, from, to)) {
            return null;
        }
        Double value = parseDouble(bytes, from, to);
        if (value == null) {
            unreadable++;
        }
        return value;
    }

    private static Double parseDouble(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip();
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            if (text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
                try {
                    double value = Double.parseDouble(text.replace(',', '.'));
                    return Double.isFinite(value) ? value : null;
                } catch (NumberFormatException again) {
                    return null;
                }
            }
            return null;
        }
    }

    private Boolean logical(byte b) {
        switch (b) {
            case 'T': case 't': case 'Y': case 'y':
                return Boolean.TRUE;
            case 'F': case 'f': case 'N': case 'n':
                return Boolean.FALSE;
            case '?':
                return null;
            default:
                unreadable++;
                return null;
        }
    }

    private LocalDate date(byte[] bytes, int from, int to) {
        boolean zeros = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] != '0') {
                zeros = false;
                break;
            }
        }
        if (zeros) {
            return null;
        }
        if (to - from == 8) {
            int[] digits = new int[8];
            boolean ok = true;
            for (int i = 0; i < 8; i++) {
                digits[i] = bytes[from + i] - '0';
                ok &= digits[i] >= 0 && digits[i] <= 9;
            }
            if (ok) {
                try {
                    return LocalDate.of(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                            digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
                } catch (DateTimeException e) {
                    // falls through to unreadable
                }
            }
        }
        unreadable++;
        return null;
    }

    private static boolean allStars(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != '*') {
                return false;
            }
        }
        return true;
    }

    private static FieldType typeOf(DbfFile.Field field) {
        switch (field.type()) {
            case 'C':
                return FieldType.STRING;
            case 'N':
                return field.decimals() == 0 && field.length() <= 18 ? FieldType.INTEGER : FieldType.NUMBER;
            case 'F':
                return FieldType.NUMBER;
            case 'L':
                return FieldType.BOOLEAN;
            case 'D':
                return FieldType.DATE;
            default:
                return null;
        }
    }

    /** The decoded name, trimmed; a blank one becomes field_N; a repeat (ignoring case) gets _2, _3, …. */
    static String uniqueName(String decoded, int position, Set<String> taken) {
        StringBuilder clean = new StringBuilder();
        decoded.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String base = clean.toString().replace("\uFFFD", "").strip();
        if (base.isEmpty()) {
            base = "field_" + (position + 1);
        }
        base = cutUtf8(base, FieldSpec.MAX_NAME_BYTES - 4);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static String cutUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The geometry in 2D on a packed factory; null and empty shapes become null. */
    private static Geometry flat(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        if (geometry instanceof Point point) {
            return FLAT.createPoint(new CoordinateXY(point.getX(), point.getY()));
        }
        if (geometry.getFactory() == FLAT) {
            return geometry;
        }
        return new GeometryEditor(FLAT).edit(geometry, new GeometryEditor.CoordinateSequenceOperation() {
            @Override
            public CoordinateSequence edit(CoordinateSequence sequence, Geometry unused) {
                double[] xy = new double[2 * sequence.size()];
                for (int i = 0; i < sequence.size(); i++) {
                    xy[2 * i] = sequence.getX(i);
                    xy[2 * i + 1] = sequence.getY(i);
                }
                return PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2);
            }
        });
    }

    private record Column(FieldSpec spec, DbfFile.Field field) {
    }
}
