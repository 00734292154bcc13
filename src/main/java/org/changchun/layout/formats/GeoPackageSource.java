package org.changchun.layout.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.db.CoreSQLUtils;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.changchun.layout.feature.FieldNames;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * One feature table of a GeoPackage, read with NGA's GeoPackage Java through a read-only
 * connection ({@link GeoPackageFile}): its columns typed from their declared SQLite types (BLOB
 * columns left out, DATETIME kept as text), its geometries from the GeoPackage's WKB, in the order
 * of its primary key, in two passes, the first for the geometry type, extent and count.
 */
public final class GeoPackageSource implements VectorSource {

    private record Column(FeatureColumn column, FieldSpec spec) {
    }

    private final GeoPackage geoPackage;
    private final FeatureDao dao;
    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> ignoredColumns = new ArrayList<>();
    private final LayerGeometry geometry = new LayerGeometry();
    private final DeclaredCrs crs;
    private long count;
    private long unreadable;
    private FeatureResultSet reading;

    private GeoPackageSource(GeoPackage geoPackage, String table) {
        this.geoPackage = geoPackage;
        this.table = table;
        this.dao = geoPackage.getFeatureDao(table);
        Set<String> taken = new HashSet<>();
        int position = 0;
        for (FeatureColumn column : dao.getColumns()) {
            if (column.isGeometry() || column.isPrimaryKey()) {
                continue;
            }
            GeoPackageFile.requirePlainName(column.getName(), "“" + table + "”的列", "a column of '" + table + "'");
            FieldType type = typeOf(column.getDataType());
            if (type == null) {
                ignoredColumns.add(column.getName() + " (" + column.getType() + ")");
                continue;
            }
            columns.add(new Column(column, new FieldSpec(FieldNames.unique(column.getName(), position++, taken), type,
                    null, null)));
        }
        if (dao.getPkColumnName() != null) {
            GeoPackageFile.requirePlainName(dao.getPkColumnName(), "“" + table + "”的列", "a column of '" + table + "'");
        }
        this.crs = declared(dao.getSrs());
    }

    /**
     * Opens a feature table named by {@link GeoPackageFile#featureTables()} and reads it once.
     *
     * @throws UnreadableSourceException when the file or a geometry cannot be read
     */
    public static GeoPackageSource open(Path file, String table) {
        GeoPackage geoPackage = GeoPackageFile.connect(file);
        try {
            GeoPackageSource source = new GeoPackageSource(geoPackage, table);
            source.firstPass();
            return source;
        } catch (RuntimeException e) {
            geoPackage.close();
            throw GeoPackageFile.unreadable(e);
        }
    }

    /** What gpkg_spatial_ref_sys says of the table's coordinates. */
    public DeclaredCrs crs() {
        return crs;
    }

    /** Columns left out because their type holds no attribute a layer can keep (BLOB): "name (type)". */
    public List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    @Override
    public long recordCount() {
        return count;
    }

    @Override
    public String geometryType() {
        return geometry.type();
    }

    @Override
    public List<FieldSpec> fields() {
        return columns.stream().map(Column::spec).toList();
    }

    @Override
    public Envelope sourceExtent() {
        return geometry.extent();
    }

    @Override
    public Iterator<SourceRecord> records() {
        closeReading();
        unreadable = 0;
        reading = query();
        return new Iterator<>() {
            private int index;
            private boolean moved;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!moved) {
                    more = step(() -> reading.moveToNext());
                    moved = true;
                }
                return more;
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                moved = false;
                int i = index++;
                return step(() -> {
                    FeatureRow row = reading.getRow();
                    return new SourceRecord(i, geometry.fit(geometryOf(row, i)), values(row));
                });
            }
        };
    }

    @Override
    public long unreadableValues() {
        return unreadable;
    }

    @Override
    public void close() {
        closeReading();
        geoPackage.close();
    }

    private void closeReading() {
        if (reading != null) {
            reading.close();
            reading = null;
        }
    }

    private void firstPass() {
        FeatureResultSet rows = query();
        try {
            int i = 0;
            while (rows.moveToNext()) {
                count++;
                geometry.observe(geometryOf(rows.getRow(), i++));
            }
        } finally {
            rows.close();
        }
    }

    /** In the order of the primary key, whose name was checked to need no escaping. */
    private FeatureResultSet query() {
        String key = dao.getPkColumnName();
        return dao.query((String) null, (String[]) null, null, null, key == null ? null : CoreSQLUtils.quoteWrap(key));
    }

    private <T> T step(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (UnreadableSourceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw GeoPackageFile.unreadable(e);
        }
    }

    private Geometry geometryOf(FeatureRow row, int index) {
        GeoPackageGeometryData data = row.getGeometry();
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            return new WKBReader(new GeometryFactory()).read(data.getWkb());
        } catch (ParseException | IOException | RuntimeException e) {
            throw new UnreadableSourceException("“" + table + "”第 " + (index + 1) + " 个要素的几何无法读取：" + e.getMessage(),
                    "the geometry of feature " + (index + 1) + " of '" + table + "' cannot be read: " + e.getMessage());
        }
    }

    private Map<String, Object> values(FeatureRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : columns) {
            values.put(column.spec().name(), value(row.getValue(column.column().getIndex()), column.spec().type()));
        }
        return values;
    }

    private Object value(Object raw, FieldType type) {
        if (raw == null) {
            return null;
        }
        try {
            return switch (type) {
                case STRING -> raw.toString();
                case INTEGER -> ((Number) raw).longValue();
                case NUMBER -> ((Number) raw).doubleValue();
                case BOOLEAN -> raw instanceof Boolean b ? b : ((Number) raw).intValue() != 0;
                case DATE -> raw instanceof java.util.Date date ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC)
                        : LocalDate.parse(raw.toString().strip().substring(0, Math.min(10, raw.toString().strip().length())));
            };
        } catch (ClassCastException | DateTimeParseException e) {
            unreadable++;
            return null;
        }
    }

    private static FieldType typeOf(GeoPackageDataType type) {
        if (type == null) {
            return FieldType.STRING;
        }
        return switch (type) {
            case BOOLEAN -> FieldType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> FieldType.INTEGER;
            case FLOAT, DOUBLE, REAL -> FieldType.NUMBER;
            case DATE -> FieldType.DATE;
            case TEXT, DATETIME -> FieldType.STRING;
            case BLOB -> null;
        };
    }

    private static DeclaredCrs declared(SpatialReferenceSystem srs) {
        if (srs == null) {
            return DeclaredCrs.none("GeoPackage 未给出坐标系", "the GeoPackage names no coordinate system");
        }
        String whereZh = "GeoPackage 的 gpkg_spatial_ref_sys（srs_id " + srs.getSrsId() + "，" + srs.getSrsName() + "）";
        String whereEn = "the GeoPackage's gpkg_spatial_ref_sys (srs_id " + srs.getSrsId() + ", " + srs.getSrsName() + ")";
        String organization = srs.getOrganization() == null ? "" : srs.getOrganization().toUpperCase(Locale.ROOT);
        if (organization.equals("EPSG") && srs.getOrganizationCoordsysId() > 0) {
            return DeclaredCrs.epsg((int) srs.getOrganizationCoordsysId(), whereZh, whereEn);
        }
        String definition = srs.getDefinition();
        if (definition != null && !definition.isBlank() && !definition.strip().equalsIgnoreCase("undefined")) {
            return DeclaredCrs.wkt(definition, whereZh, whereEn);
        }
        return DeclaredCrs.none(whereZh + "未定义坐标系", whereEn + " leaves the coordinate system undefined");
    }
}
