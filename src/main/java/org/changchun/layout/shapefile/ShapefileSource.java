package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.changchun.layout.feature.FieldNames;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.StoredProperties;
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
 * .shx holding as many records as the .dbf, and a sane .dbf header ({@link ShapefileHeaders},
 * {@link DbfFile}). Refusals are {@link InvalidShapefileException}s in Chinese and English.
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
 * others are how shapefiles store nulls ({@link DbfValues} applies these rules). Records the .dbf
 * marks deleted are skipped, as GDAL does, and counted in {@link #deletedRecords()}.
 *
 * <p>Memory stays constant whatever the size: records are read one at a time from small buffers.
 */
public final class ShapefileSource implements AutoCloseable {

    /** One record: its index in the files (from 0), its geometry (or null) and its values by field name. */
    public record Record(int index, Geometry geometry, Map<String, Object> values) {
    }

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
    private final StoredProperties.Names names;
    private final List<String> ignoredFields;
    private DbfValues dbfValues;
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
        this.dbfValues = new DbfValues(charset);
        this.columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<DbfFile.Field> dbfFields = dbf.fields();
        for (int i = 0; i < dbfFields.size(); i++) {
            DbfFile.Field field = dbfFields.get(i);
            String name = FieldNames.unique(new String(field.rawName(), charset), i, taken);
            FieldType type = DbfValues.typeOf(field);
            if (type == null) {
                ignored.add(name + " (" + field.type() + ")");
                continue;
            }
            columns.add(new Column(new FieldSpec(name, type, null, null), field));
        }
        this.fields = columns.stream().map(Column::spec).toList();
        this.names = new StoredProperties.Names(fields.stream().map(FieldSpec::name).toList());
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
            ShapefileHeader shpHeader = ShapefileHeaders.checked(set.shp().getFileName().toString(), ".shp", shp);
            ShapefileHeader shxHeader = ShapefileHeaders.checked(set.shx().getFileName().toString(), ".shx", shx);
            int shapeCount = ShapefileHeaders.indexedShapes(set, shpHeader, shxHeader);
            ShapeType type = shpHeader.getShapeType();
            DbfFile dbf = DbfFile.open(set.dbf());
            opened.add(dbf);
            ShapefileHeaders.requireSameCount(set, shapeCount, dbf.recordCount());
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
        return dbfValues.unreadable();
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
        dbfValues = new DbfValues(charset);
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
                if (offset < ShapefileHeaders.LENGTH || content < 4 || offset + 8 + content > shpSize) {
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
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Column column = columns.get(i);
                values[i] = dbfValues.value(column.spec.type(), column.field, bytes, rows.fieldStart(column.field));
            }
            return new StoredProperties(names, values);
        }
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
