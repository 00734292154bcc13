package org.changchun.layout.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.extension.schema.SchemaExtension;
import mil.nga.geopackage.extension.schema.columns.DataColumns;
import mil.nga.geopackage.extension.schema.columns.DataColumnsDao;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.store.FeatureStore;
import org.locationtech.jts.io.WKBWriter;

/**
 * Layers as one OGC GeoPackage, written with NGA's GeoPackage library: one feature table per layer
 * (named by the layer id), the layer's fields under their own names (Chinese included, no
 * ten-character limit), in EPSG:4326 as the service stores them, with an R-tree spatial index so
 * QGIS and GDAL open big layers quickly. The field titles go to {@code gpkg_data_columns}, the
 * layer's titles, description and accuracy (示意 / 示例数据) to {@code gpkg_contents}; the
 * per-feature labels ({@code accuracy}, {@code sample}) are fields like any other. Features are
 * streamed from the store into the file and committed in batches, so memory does not grow with
 * the layer; the file is written in a temporary folder of the exports' work folder, sent, and
 * removed.
 */
final class GeoPackageExport {

    private static final int WGS84 = 4326;
    private static final int FEATURES_PER_TRANSACTION = 5_000;

    private GeoPackageExport() {
    }

    static void write(FeatureStore store, List<LayerInfo> layers, Path workDir, OutputStream target) {
        try (ExportFolder folder = ExportFolder.in(workDir)) {
            Path file = folder.path().resolve("export.gpkg");
            GeoPackageManager.create(file.toFile());
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
                SpatialReferenceSystem wgs84 = library(() -> geoPackage.getSpatialReferenceSystemDao()
                        .getOrCreateCode("EPSG", WGS84));
                for (LayerInfo layer : layers) {
                    writeLayer(store, geoPackage, wgs84, layer);
                }
            }
            Files.copy(file, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLayer(FeatureStore store, GeoPackage geoPackage, SpatialReferenceSystem wgs84,
                                   LayerInfo layer) {
        Columns columns = Columns.of(layer);
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(layer.id());
        geometryColumns.setColumnName(columns.geometry());
        geometryColumns.setGeometryType(geometryType(layer.geometryType()));
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrs(wgs84);
        List<FeatureColumn> attributes = new ArrayList<>();
        attributes.add(FeatureColumn.createColumn(columns.featureId(), GeoPackageDataType.TEXT, true));
        for (int i = 0; i < layer.fields().size(); i++) {
            attributes.add(FeatureColumn.createColumn(columns.field(i), dataType(layer.fields().get(i))));
        }
        BoundingBox box = layer.extent().isNull() ? null : new BoundingBox(layer.extent().getMinX(),
                layer.extent().getMinY(), layer.extent().getMaxX(), layer.extent().getMaxY());
        FeatureTable table = geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns,
                columns.primaryKey(), attributes, box));
        describe(geoPackage, layer, columns);
        FeatureDao dao = geoPackage.getFeatureDao(table.getTableName());
        geoPackage.beginTransaction();
        try {
            store.readFeatures(layer.id(), features -> {
                insert(geoPackage, dao, layer, columns, features.iterator());
                return null;
            });
            geoPackage.endTransaction(true);
        } catch (RuntimeException e) {
            geoPackage.endTransaction(false);
            throw e;
        }
        new RTreeIndexExtension(geoPackage).create(table);
    }

    private static void insert(GeoPackage geoPackage, FeatureDao dao, LayerInfo layer, Columns columns,
                               Iterator<Feature> features) {
        WKBWriter wkb = new WKBWriter(2);
        int inTransaction = 0;
        while (features.hasNext()) {
            Feature feature = features.next();
            FeatureRow row = dao.newRow();
            try {
                row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(WGS84,
                        wkb.write(feature.geometry())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            row.setValue(columns.featureId(), feature.id());
            for (int i = 0; i < layer.fields().size(); i++) {
                FieldSpec field = layer.fields().get(i);
                row.setValue(columns.field(i), value(field, feature.properties().get(field.name())));
            }
            dao.insert(row);
            if (++inTransaction == FEATURES_PER_TRANSACTION) {
                geoPackage.endAndBeginTransaction();
                inTransaction = 0;
            }
        }
    }

    /** The layer's titles and data-honesty labels in gpkg_contents, the fields' titles in gpkg_data_columns. */
    private static void describe(GeoPackage geoPackage, LayerInfo layer, Columns columns) {
        LayerDescription about = layer.description();
        Contents contents = library(() -> geoPackage.getContentsDao().queryForId(layer.id()));
        contents.setIdentifier(about.titleZh() + " / " + about.titleEn() + " (" + layer.id() + ")");
        contents.setDescription(description(about));
        if (layer.updatedAt() != null) {
            contents.setLastChange(Date.from(layer.updatedAt().toInstant()));
        }
        library(() -> geoPackage.getContentsDao().update(contents));
        SchemaExtension schema = new SchemaExtension(geoPackage);
        schema.createDataColumnsTable();
        DataColumnsDao titles = schema.getDataColumnsDao();
        for (int i = 0; i < layer.fields().size(); i++) {
            FieldSpec field = layer.fields().get(i);
            if (field.titleZh() == null && field.titleEn() == null) {
                continue;
            }
            DataColumns column = new DataColumns();
            column.setContents(contents);
            column.setColumnName(columns.field(i));
            column.setName(field.name());
            column.setTitle(field.titleZh() == null ? field.titleEn()
                    : field.titleEn() == null ? field.titleZh() : field.titleZh() + " / " + field.titleEn());
            library(() -> titles.create(column));
        }
    }

    /**
     * Runs a call into NGA's library, whose data access objects declare JDBC's checked exception:
     * the service's features speak no JDBC (only the store does), so a failure is unchecked here.
     */
    private static <T> T library(LibraryCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("GeoPackage export failed: " + e.getMessage(), e);
        }
    }

    private interface LibraryCall<T> {
        T run() throws Exception;
    }

    /** The layer's descriptions, then its accuracy with the label users see on the map (示意, 示例数据). */
    private static String description(LayerDescription about) {
        StringBuilder text = new StringBuilder(about.descriptions());
        if (about.accuracy() != null) {
            String label = switch (about.accuracy()) {
                case "schematic" -> "示意，非官方边界 / schematic, not official boundaries";
                case "sample" -> "示例数据，非官方数据 / sample data, not official figures";
                default -> about.accuracy();
            };
            text.append(text.isEmpty() ? "" : " ").append("[精度 accuracy: ").append(about.accuracy())
                    .append(label.equals(about.accuracy()) ? "" : " — " + label).append(']');
        }
        return text.toString();
    }

    private static GeometryType geometryType(String layerType) {
        return switch (layerType) {
            case "Point" -> GeometryType.POINT;
            case "MultiPoint" -> GeometryType.MULTIPOINT;
            case "LineString" -> GeometryType.LINESTRING;
            case "MultiLineString" -> GeometryType.MULTILINESTRING;
            case "Polygon" -> GeometryType.POLYGON;
            case "MultiPolygon" -> GeometryType.MULTIPOLYGON;
            default -> GeometryType.GEOMETRY;
        };
    }

    private static GeoPackageDataType dataType(FieldSpec field) {
        return switch (field.type()) {
            case STRING -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case NUMBER -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
        };
    }

    private static Object value(FieldSpec field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case INTEGER -> ((Number) value).longValue();
            case NUMBER -> ((Number) value).doubleValue();
            case DATE -> value.toString();
            case STRING, BOOLEAN -> value;
        };
    }

    /**
     * The table's column names: every field keeps its name; the primary key, the feature id and the
     * geometry take {@code fid}, {@code id} and {@code geom} unless a field has that name already
     * (SQLite compares names without case), and then the first free {@code _2}, {@code _3} form.
     */
    private record Columns(String primaryKey, String featureId, String geometry, List<String> fields) {

        static Columns of(LayerInfo layer) {
            Set<String> taken = new HashSet<>();
            List<String> fields = new ArrayList<>();
            layer.fields().forEach(f -> fields.add(free(f.name(), taken)));
            return new Columns(free("fid", taken), free("id", taken), free("geom", taken), fields);
        }

        String field(int index) {
            return fields.get(index);
        }

        private static String free(String wanted, Set<String> taken) {
            String name = wanted;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = wanted + "_" + n;
            }
            return name;
        }
    }
}
