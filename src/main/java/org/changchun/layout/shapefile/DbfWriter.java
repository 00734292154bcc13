package org.changchun.layout.shapefile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
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

/**
 * The .dbf of a shapefile being written, by the field rules stated on {@link ShapefileWriter}.
 * Values are spooled to a temporary file as the features pass, because a text field's width and
 * a number field's decimals must be in the header, before the first record; {@link #writeTable}
 * then writes header and records with H2GIS's dBase writer. Closing deletes the spool.
 */
final class DbfWriter implements AutoCloseable {

    /** The one charset besides UTF-8 that shapefiles are written in. */
    static final Charset GBK = Charset.forName("GBK");

    private static final int MAX_NAME_BYTES = 10;
    private static final int MAX_TEXT_BYTES = 254;
    private static final int NUMBER_WIDTH = 18;
    private static final int INTEGER_WIDTH = 18;

    // what each spooled value is, in the byte before it
    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DATE = 5;

    private final List<FieldSpec> fields;
    private final Charset charset;
    private final boolean utf8;
    private final Path spool;
    private final DataOutputStream out;
    /** Per field, facts needed before the header: the widest text in bytes, the largest magnitude. */
    private final int[] textWidth;
    private final double[] largest;
    private int count;
    private int textsCut;
    private int dropped;

    /** Starts a table of {@code fields} in UTF-8 or GBK, spooling its values to {@code spool}. */
    DbfWriter(Path spool, List<FieldSpec> fields, Charset charset) throws IOException {
        this.fields = fields;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.spool = spool;
        this.textWidth = new int[fields.size()];
        this.largest = new double[fields.size()];
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)));
    }

    /** Each field's dBase name (≤ 10 bytes in the charset, unique ignoring case), by field name, in order. */
    static Map<String, String> fieldNames(List<FieldSpec> fields, Charset charset) {
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

    /** Spools a feature's values; one that cannot be stored is spooled as null and counted. */
    void add(Feature feature) throws IOException {
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
                        textsCut++;
                    }
                    textWidth[i] = Math.max(textWidth[i], kept.getBytes(charset).length);
                    out.writeByte(TEXT);
                    out.writeUTF(kept);
                    break;
                }
                case INTEGER: {
                    Long integer = asLong(value);
                    if (integer == null || Long.toString(integer).length() > INTEGER_WIDTH) {
                        dropped++;
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
                        dropped++;
                        out.writeByte(NULL);
                    } else {
                        largest[i] = Math.max(largest[i], Math.abs(number));
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
                        dropped++;
                        out.writeByte(NULL);
                    }
                    break;
                }
                case DATE: {
                    LocalDate date = asDate(value);
                    if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
                        dropped++;
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
        count++;
    }

    /** The records added. */
    int count() {
        return count;
    }

    /** Texts cut to 254 bytes. */
    int textsCut() {
        return textsCut;
    }

    /** Values written as null because the field cannot hold them. */
    int valuesDropped() {
        return dropped;
    }

    /**
     * Writes the table to {@code path} from the spooled values, each field under its name in
     * {@code dbfNames}; no value can be added after.
     */
    void writeTable(Path path, Map<String, String> dbfNames) throws IOException, DbaseFileException {
        out.close();
        DbaseFileHeader header = new DbaseFileHeader();
        // the header encodes field names with its own encoding name and writes the matching language driver byte
        header.setEncoding(utf8 ? "UTF-8" : "cp936");
        int[] decimals = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            String dbfName = dbfNames.get(field.name());
            switch (field.type()) {
                case STRING:
                    header.addColumn(dbfName, 'C', Math.max(1, textWidth[i]), 0);
                    break;
                case INTEGER:
                    header.addColumn(dbfName, 'N', INTEGER_WIDTH, 0);
                    break;
                case NUMBER:
                    // at least one decimal, or the reader would take N(18,0) for an INTEGER field
                    decimals[i] = Math.max(1, Math.min(15, NUMBER_WIDTH - 2 - integerDigits(largest[i])));
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
        header.setNumRecords(count);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool)))) {
            DbaseFileWriter writer = new DbaseFileWriter(header, channel, utf8 ? StandardCharsets.UTF_8 : GBK);
            Object[] row = new Object[fields.size()];
            for (int r = 0; r < count; r++) {
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

    /** Closes and deletes the spool. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // best effort: a leftover spool is only a temporary file
            }
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
}
