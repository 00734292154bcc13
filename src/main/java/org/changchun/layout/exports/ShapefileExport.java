package org.changchun.layout.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.shapefile.ShapefileWriter;
import org.changchun.layout.store.FeatureStore;

/**
 * A layer as a zipped shapefile (.shp, .shx, .dbf, .prj, .cpg) in WGS84 and UTF-8 or GBK. A
 * shapefile holds one geometry type, so a layer mixing points and polygons becomes one shapefile
 * per type in the zip ({@code projects_point.shp}, {@code projects_polygon.shp}).
 */
final class ShapefileExport {

    private ShapefileExport() {
    }

    static void write(FeatureStore store, LayerInfo layer, Charset charset, Path workDir, OutputStream target) {
        try (ExportFolder folder = ExportFolder.in(workDir)) {
            Path files = folder.path();
            Set<String> types = shapeTypes(store, layer);
            for (String type : types) {
                String name = types.size() == 1 ? layer.id() : layer.id() + "_" + suffix(type);
                store.readFeatures(layer.id(), features -> ShapefileWriter.write(files, name, layer.fields(),
                        features.filter(f -> ShapefileWriter.shapeTypeOf(f.geometry()).equals(type)).iterator(),
                        charset));
            }
            zip(files, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shapefile types the layer needs; one pass over the layer only when its features differ in type. */
    private static Set<String> shapeTypes(FeatureStore store, LayerInfo layer) {
        if (!"Geometry".equals(layer.geometryType()) && layer.featureCount() > 0) {
            return Set.of(switch (layer.geometryType()) {
                case "Point" -> "Point";
                case "MultiPoint" -> "MultiPoint";
                case "LineString", "MultiLineString" -> "MultiLineString";
                default -> "MultiPolygon";
            });
        }
        return store.readFeatures(layer.id(), features -> features
                .map(f -> ShapefileWriter.shapeTypeOf(f.geometry()))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String suffix(String type) {
        return switch (type) {
            case "Point", "MultiPoint" -> "point";
            case "MultiLineString" -> "line";
            default -> "polygon";
        };
    }

    private static void zip(Path folder, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }
}
