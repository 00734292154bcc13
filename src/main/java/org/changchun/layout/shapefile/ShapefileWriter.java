package org.changchun.layout.shapefile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.h2gis.functions.io.shp.internal.MultiLineHandler;
import org.h2gis.functions.io.shp.internal.MultiPointHandler;
import org.h2gis.functions.io.shp.internal.PointHandler;
import org.h2gis.functions.io.shp.internal.PolygonHandler;
import org.h2gis.functions.io.shp.internal.ShapeHandler;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileException;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;
import org.h2gis.functions.io.utility.WriteBufferManager;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Exports features as a shapefile: {@code name.shp/.shx/.dbf/.prj/.cpg} in WGS 84 lon/lat (the
 * .prj is the ESRI WKT of GCS_WGS_1984 that GDAL writes; the .cpg names the charset).
 *
 * <p><b>One geometry type per shapefile.</b> The first non-empty geometry fixes the type, by
 * {@link #shapeTypeOf}: "Point", "MultiPoint", "MultiLineString" (LineStrings too) or
 * "MultiPolygon" (Polygons too). A later feature of another type is refused with an
 * {@link IllegalArgumentException} and nothing is left behind: a caller exporting a layer that
 * mixes points and polygons groups its features by {@code shapeTypeOf} and writes one shapefile
 * per group (e.g. {@code 项目_point}, {@code 项目_polygon}). An empty geometry is written as a
 * null shape.
 *
 * <p><b>Fields.</b> dBase names hold at most 10 bytes in the chosen charset (3 Chinese
 * characters in UTF-8, 5 in GBK): a longer name is cut at a character boundary; a name equal,
 * ignoring case, to an earlier one gets {@code _2}, {@code _3}, … in place of its last
 * characters. {@link #dbfFieldNames} gives the mapping, also returned in {@link Written}.
 * STRING → C, as wide as the longest value in bytes (at least 1, at most 254; longer text is cut
 * at a character boundary and counted); INTEGER → N(18,0); NUMBER → N(18,d), where d is what the
 * field's largest value leaves after its integer digits, a sign and the point (1 to 15): 16
 * significant digits, about what a double holds, within dBase's width of 18 for N (wider fields
 * make H2GIS's writer log a warning for every field), so numbers of 10^16 and more are dropped;
 * BOOLEAN → L; DATE → D. A value that cannot be stored (not a number in a number field, an
 * integer of more than 18 characters, NaN, a date that is not a {@link LocalDate} or ISO text)
 * is written as null and counted. Characters the charset cannot encode become '?'.
 *
 * <p>Charsets: UTF-8 or GBK. Features are streamed: geometries go straight to the .shp, values to
 * a temporary file beside it, because a text field's width must be known before the first .dbf
 * record is written.
 *
 * <p>From H2GIS: the .shp/.shx header writer, the record content writers of its shape handlers,
 * and the .dbf writer. The record framing and the .shx are written here because H2GIS's
 * {@code ShapefileWriter} computes a wrong record length for polygons of more than one part,
 * which misplaces every later record.
 */
public final class ShapefileWriter {

    /** What was written: features, each field's dBase name, the shape type, and what was cut or dropped. */
    public record Written(int features, Map<String, String> dbfNames, String shapeType, int textsCut, int valuesDropped) {
        public Written {
            dbfNames = Map.copyOf(dbfNames);
        }
    }

    /** The .prj GDAL writes for EPSG:4326. */
    public static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private static final int MAX_NAME_BYTES = 10;
    private static final int MAX_TEXT_BYTES = 254;
    private static final int NUMBER_WIDTH = 18;
    private static final int INTEGER_WIDTH = 18;
    private static final Charset GBK = Charset.forName("GBK");

    private ShapefileWriter() {
    }

    /** The shapefile type a geometry needs: "Point", "MultiPoint", "MultiLineString" or "MultiPolygon". */
    public static String shapeTypeOf(Geometry geometry) {
        if (geometry instanceof Point) {
            return "Point";
        }
        if (geometry instanceof MultiPoint) {
            return "MultiPoint";
        }
        if (geometry instanceof LineString || geometry instanceof MultiLineString) {
            return "MultiLineString";
        }
        if (geometry instanceof Polygon || geometry instanceof MultiPolygon) {
            return "MultiPolygon";
        }
        throw new IllegalArgumentException("a shapefile cannot hold a " + geometry.getGeometryType()
                + ": split the collection into its points, lines and polygons");
    }

    /** Each field's dBase name (≤ 10 bytes in the charset, unique ignoring case), by field name, in order. */
    public static Map<String, String> dbfFieldNames(List<FieldSpec> fields, Charset charset) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (FieldSpec field : fields) {
            String encodable = new String(field.name().strip().getBytes(charset), charset);
            String base = cut(encodable, charset, MAX_NAME_BYTES);
            String name = base;
            for (int n = 2; !taken.add(name.toUpperCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = cut(base, charset, MAX_NAME_BYTES - suffix.length()) + suffix;
            }
            names.put(field.name(), name);
        }
        return names;
    }

    /**
     * Writes {@code dir/name.shp}, .shx, .dbf, .prj and .cpg.
     *
     * @param features features with WGS 84 geometries, read once
     * @param charset UTF-8 or GBK
     * @throws IllegalArgumentException for a charset other than UTF-8 or GBK, a name with a path
     *         separator, a GeometryCollection, or a geometry whose type differs from the first
     */
    public static Written write(Path dir, String name, List<FieldSpec> fields, Iterator<Feature> features,
            Charset charset) {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (!utf8 && !charset.equals(GBK)) {
            throw new IllegalArgumentException("shapefiles are exported in UTF-8 or GBK, not " + charset.name());
        }
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("not a file name: \"" + name + "\"");
        }
        List<Path> files = new ArrayList<>();
        for (String extension : new String[] {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
            files.add(dir.resolve(name + extension));
        }
        Path spool = dir.resolve(name + ".values.tmp");
        try {
            Files.createDirectories(dir);
            Map<String, String> dbfNames = dbfFieldNames(fields, charset);
            Spooled spooled;
            try (Shapes shapes = new Shapes(files.get(0), files.get(1));
                    DataOutputStream values = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)))) {
                spooled = spool(fields, features, charset, shapes, values);
                shapes.finish();
            }
            writeDbf(files.get(2), fields, dbfNames, charset, utf8, spooled, spool);
            Files.writeString(files.get(3), WGS84_PRJ, StandardCharsets.US_ASCII);
            Files.writeString(files.get(4), utf8 ? "UTF-8" : "GBK", StandardCharsets.US_ASCII);
            return new Written(spooled.count, dbfNames, spooled.shapeType, spooled.textsCut, spooled.dropped);
        } catch (IOException | DbaseFileException | RuntimeException e) {
            files.forEach(ShapefileWriter::deleteQuietly);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        } finally {
            deleteQuietly(spool);
        }
    }

    /** Per-field facts gathered while spooling, needed before the .dbf header. */
    private static final class Spooled {
        int count;
        int textsCut;
        int dropped;
        String shapeType;
        int[] textWidth;
        double[] largest;
    }

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DATE = 5;

    private static Spooled spool(List<FieldSpec> fields, Iterator<Feature> features, Charset charset, Shapes shapes,
            DataOutputStream out) throws IOException {
        Spooled facts = new Spooled();
        facts.textWidth = new int[fields.size()];
        facts.largest = new double[fields.size()];
        while (features.hasNext()) {
            Feature feature = features.next();
            shapes.add(feature);
            for (int i = 0; i < fields.size(); i++) {
                FieldSpec field = fields.get(i);
                Object value = feature.properties().get(field.name());
                if (value == null) {
                    out.writeByte(NULL);
                    continue;
                }
                switch (field.type()) {
                    case STRING: {
                        String text = new String(value.toString().getBytes(charset), charset);
                        String kept = cut(text, charset, MAX_TEXT_BYTES);
                        if (kept.length() < text.length()) {
                            facts.textsCut++;
                        }
                        facts.textWidth[i] = Math.max(facts.textWidth[i], kept.getBytes(charset).length);
                        out.writeByte(TEXT);
                        out.writeUTF(kept);
                        break;
                    }
                    case INTEGER: {
                        Long integer = asLong(value);
                        if (integer == null || Long.toString(integer).length() > INTEGER_WIDTH) {
                            facts.dropped++;
                            out.writeByte(NULL);
                        } else {
                            out.writeByte(LONG);
                            out.writeLong(integer);
                        }
                        break;
                    }
                    case NUMBER: {
                        Double number = value instanceof Number n ? n.doubleValue() : null;
                        if (number == null || !Double.isFinite(number) || integerDigits(number) + 2 > NUMBER_WIDTH) {
                            facts.dropped++;
                            out.writeByte(NULL);
                        } else {
                            facts.largest[i] = Math.max(facts.largest[i], Math.abs(number));
                            out.writeByte(DOUBLE);
                            out.writeDouble(number);
                        }
                        break;
                    }
                    case BOOLEAN: {
                        if (value instanceof Boolean b) {
                            out.writeByte(BOOLEAN);
                            out.writeBoolean(b);
                        } else {
                            facts.dropped++;
                            out.writeByte(NULL);
                        }
                        break;
                    }
                    case DATE: {
                        LocalDate date = asDate(value);
                        if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
                            facts.dropped++;
                            out.writeByte(NULL);
                        } else {
                            out.writeByte(DATE);
                            out.writeLong(date.toEpochDay());
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException(field.type().toString());
                }
            }
            facts.count++;
        }
        facts.shapeType = shapes.typeName();
        return facts;
    }

    private static void writeDbf(Path path, List<FieldSpec> fields, Map<String, String> dbfNames, Charset charset,
            boolean utf8, Spooled facts, Path spool) throws IOException, DbaseFileException {
        DbaseFileHeader header = new DbaseFileHeader();
        // the header encodes field names with its own encoding name and writes the matching language driver byte
        header.setEncoding(utf8 ? "UTF-8" : "cp936");
        int[] decimals = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            String dbfName = dbfNames.get(field.name());
            switch (field.type()) {
                case STRING:
                    header.addColumn(dbfName, 'C', Math.max(1, facts.textWidth[i]), 0);
                    break;
                case INTEGER:
                    header.addColumn(dbfName, 'N', INTEGER_WIDTH, 0);
                    break;
                case NUMBER:
                    // at least one decimal, or the reader would take N(18,0) for an INTEGER field
                    decimals[i] = Math.max(1, Math.min(15, NUMBER_WIDTH - 2 - integerDigits(facts.largest[i])));
                    header.addColumn(dbfName, 'N', NUMBER_WIDTH, decimals[i]);
                    break;
                case BOOLEAN:
                    header.addColumn(dbfName, 'L', 1, 0);
                    break;
                case DATE:
                    header.addColumn(dbfName, 'D', 8, 0);
                    break;
                default:
                    throw new IllegalStateException(field.type().toString());
            }
        }
        header.setNumRecords(facts.count);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool)))) {
            DbaseFileWriter writer = new DbaseFileWriter(header, channel, utf8 ? StandardCharsets.UTF_8 : GBK);
            Object[] row = new Object[fields.size()];
            for (int r = 0; r < facts.count; r++) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = readValue(in);
                }
                writer.write(row);
            }
            // H2GIS writes the year as year % 100, which readers take as 19xx; dBase counts years from 1900
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (LocalDate.now().getYear() - 1900)}), 1);
            writer.close();
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case TEXT:
                return in.readUTF();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case DATE:
                return Date.from(LocalDate.ofEpochDay(in.readLong()).atStartOfDay(ZoneId.systemDefault()).toInstant());
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    private static Long asLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e18 ? (long) d : null;
        }
        return null;
    }

    private static LocalDate asDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof CharSequence text) {
            try {
                return LocalDate.parse(text.toString().strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Digits before the decimal point (at least 1), plus one for a minus sign. */
    private static int integerDigits(double value) {
        double magnitude = Math.floor(Math.abs(value));
        int digits = magnitude < 1 ? 1 : BigDecimal.valueOf(magnitude).toBigInteger().toString().length();
        return value < 0 ? digits + 1 : digits;
    }

    /** The longest prefix of {@code text} that fits in {@code maxBytes} in the charset, whole characters only. */
    static String cut(String text, Charset charset, int maxBytes) {
        if (text.getBytes(charset).length <= maxBytes) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            int size = text.substring(end, next).getBytes(charset).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end = next;
        }
        return text.substring(0, end);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort after a failure that is already being reported
        }
    }

    /** The .shp and .shx being written: record framing here, record content by H2GIS's handlers. */
    private static final class Shapes implements AutoCloseable {

        private final FileChannel shpChannel;
        private final FileChannel shxChannel;
        private final WriteBufferManager shp;
        private final WriteBufferManager shx;
        private final Envelope bounds = new Envelope();
        private ShapeType type;
        private ShapeHandler handler;
        private String typeName;
        private int count;
        private int offsetWords = 50;

        Shapes(Path shpPath, Path shxPath) throws IOException {
            shpChannel = FileChannel.open(shpPath, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            shxChannel = FileChannel.open(shxPath, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            shp = new WriteBufferManager(shpChannel);
            shx = new WriteBufferManager(shxChannel);
            // headers go in last, once the bounds and lengths are known
            shp.putBytes(new byte[100]);
            shx.putBytes(new byte[100]);
        }

        void add(Feature feature) throws IOException {
            Geometry geometry = feature.geometry();
            count++;
            if (geometry.isEmpty()) {
                frame(4);
                shp.putInt(ShapeType.NULL.id);
                return;
            }
            String needed = shapeTypeOf(geometry);
            if (type == null) {
                start(needed);
            } else if (!needed.equals(typeName)) {
                throw new IllegalArgumentException("feature " + feature.id() + " is a " + needed + " but this shapefile "
                        + "holds " + typeName + "s: a shapefile has one geometry type, so split the features by "
                        + "ShapefileWriter.shapeTypeOf and write one shapefile per type");
            }
            frame(contentBytes(geometry));
            shp.putInt(type.id);
            // the polygon handler normalises ring orientation in place
            handler.write(shp, type == ShapeType.POLYGON ? geometry.copy() : geometry);
            bounds.expandToInclude(geometry.getEnvelopeInternal());
        }

        private void start(String name) {
            typeName = name;
            switch (name) {
                case "Point":
                    type = ShapeType.POINT;
                    handler = new PointHandler();
                    break;
                case "MultiPoint":
                    type = ShapeType.MULTIPOINT;
                    handler = handlerFor(type);
                    break;
                case "MultiLineString":
                    type = ShapeType.ARC;
                    handler = handlerFor(type);
                    break;
                default:
                    type = ShapeType.POLYGON;
                    handler = new PolygonHandler();
                    break;
            }
        }

        private static ShapeHandler handlerFor(ShapeType type) {
            try {
                return type == ShapeType.MULTIPOINT ? new MultiPointHandler(type) : new MultiLineHandler(type);
            } catch (ShapefileException e) {
                throw new IllegalStateException(e);
            }
        }

        private int contentBytes(Geometry geometry) {
            int points = geometry.getNumPoints();
            if (type == ShapeType.POINT) {
                return 20;
            }
            if (type == ShapeType.MULTIPOINT) {
                return 40 + 16 * points;
            }
            int parts = 0;
            if (type == ShapeType.ARC) {
                parts = geometry.getNumGeometries();
            } else {
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    parts += 1 + ((Polygon) geometry.getGeometryN(i)).getNumInteriorRing();
                }
            }
            return 44 + 4 * parts + 16 * points;
        }

        private void frame(int contentBytes) throws IOException {
            int words = contentBytes / 2;
            shp.order(ByteOrder.BIG_ENDIAN);
            shp.putInt(count);
            shp.putInt(words);
            shp.order(ByteOrder.LITTLE_ENDIAN);
            shx.order(ByteOrder.BIG_ENDIAN);
            shx.putInt(offsetWords);
            shx.putInt(words);
            offsetWords += 4 + words;
        }

        String typeName() {
            return typeName == null ? "Point" : typeName;
        }

        void finish() throws IOException {
            shp.flush();
            shx.flush();
            ShapeType written = type == null ? ShapeType.POINT : type;
            Envelope box = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
            writeHeader(shpChannel, written, offsetWords, box);
            writeHeader(shxChannel, written, 50 + 4 * count, box);
        }

        private void writeHeader(FileChannel channel, ShapeType written, int lengthWords, Envelope box) throws IOException {
            channel.position(0);
            WriteBufferManager header = new WriteBufferManager(channel);
            new ShapefileHeader().write(header, written, count, lengthWords, box.getMinX(), box.getMinY(), box.getMaxX(),
                    box.getMaxY());
            header.flush();
        }

        @Override
        public void close() throws IOException {
            try (FileChannel a = shpChannel; FileChannel b = shxChannel) {
                // closes both, even if one fails
            }
        }
    }
}
