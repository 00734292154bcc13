package org.changchun.layout.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.changchun.layout.formats.CsvSource;
import org.changchun.layout.formats.GeoJsonSource;
import org.changchun.layout.formats.GeoPackageFile;
import org.changchun.layout.formats.GeoPackageSource;
import org.changchun.layout.formats.UnreadableSourceException;
import org.changchun.layout.shapefile.DbfEncoding;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.shapefile.ShapefileSets;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * The layers in an unpacked upload, whatever their format: shapefiles (.shp with .shx and .dbf),
 * GeoPackages (.gpkg: every feature table), GeoJSON (.geojson, .json) and CSV (.csv, with its
 * .csvt and .prj). FileGDB, DWG and DXF are refused with the ogr2ogr command that converts them;
 * a GeoPackage larger than {@code plan.imports.max-geopackage-size} is refused before it is opened.
 */
final class UploadSources {

    private UploadSources() {
    }

    static List<SourceLayer> find(Path dir, ImportRequest request, DataSize maxGeoPackage) {
        List<Path> files = regularFiles(dir);
        refuseFormatsToConvert(dir, files);
        List<SourceLayer> layers = new ArrayList<>();
        boolean shapefileParts = false;
        for (Path file : files) {
            switch (extension(file)) {
                case "shp", "shx", "dbf" -> shapefileParts = true;
                case "gpkg" -> layers.addAll(geoPackage(file, maxGeoPackage));
                case "geojson", "json" -> layers.add(geoJson(file));
                case "csv" -> layers.add(csv(file, request.encoding()));
                default -> {
                    // .prj, .cpg, .csvt, readme files: read with their layer, or not at all
                }
            }
        }
        if (shapefileParts) {
            for (ShapefileSet set : ShapefileSets.find(dir).sets()) {
                layers.add(shapefile(set, request.encoding()));
            }
        }
        if (layers.isEmpty()) {
            throw new ImportRejectedException(
                    "上传中没有可导入的数据：可导入 shapefile（.shp/.shx/.dbf 的 zip）、GeoPackage（.gpkg）、GeoJSON（.geojson）、"
                            + "带经纬度或 WKT 列的 CSV（.csv），可直接上传或压缩为 zip",
                    "the upload holds nothing to import: send a zipped shapefile (.shp, .shx, .dbf), a GeoPackage (.gpkg), "
                            + "GeoJSON (.geojson) or a CSV with lon/lat or WKT columns (.csv), as it is or zipped");
        }
        return layers;
    }

    private static SourceLayer shapefile(ShapefileSet set, Optional<String> encoding) {
        DbfEncoding.Detection detection = DbfEncoding.detect(set.dbf(), set.cpg(), encoding);
        List<String> files = new ArrayList<>(List.of(set.shp().getFileName().toString(),
                set.shx().getFileName().toString(), set.dbf().getFileName().toString()));
        set.prj().ifPresent(p -> files.add(p.getFileName().toString()));
        set.cpg().ifPresent(p -> files.add(p.getFileName().toString()));
        return new SourceLayer(set.name(), "shapefile", files, detection,
                () -> ShapefileLayer.open(set, detection.charset()), (source, srid) -> ShapefileCrs.of(set, srid));
    }

    private static List<SourceLayer> geoPackage(Path file, DataSize max) {
        long size = size(file);
        if (size > max.toBytes()) {
            throw new ImportRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "GeoPackage“" + file.getFileName() + "”有 " + size + " 字节，超过上限 " + max,
                    "the GeoPackage '" + file.getFileName() + "' has " + size + " bytes, more than "
                            + "plan.imports.max-geopackage-size (" + max + ")");
        }
        GeoPackageFile.Tables tables = GeoPackageFile.featureTables(file);
        if (tables.features().isEmpty()) {
            throw new ImportRejectedException("GeoPackage“" + file.getFileName() + "”中没有要素表" + (tables.views().isEmpty()
                    ? "" : "（视图 " + tables.views() + " 不导入）"),
                    "the GeoPackage '" + file.getFileName() + "' holds no feature table" + (tables.views().isEmpty()
                            ? "" : " (views are not imported: " + tables.views() + ")"));
        }
        DbfEncoding.Detection utf8 = DbfEncoding.byFormat("GeoPackage");
        List<String> names = List.of(file.getFileName().toString());
        return tables.features().stream().map(table -> new SourceLayer(table, "geopackage", names, utf8,
                () -> GeoPackageSource.open(file, table),
                (source, srid) -> SourceCrs.of(table, ((GeoPackageSource) source).crs(), srid, source.sourceExtent())))
                .toList();
    }

    private static SourceLayer geoJson(Path file) {
        return new SourceLayer(baseName(file), "geojson", List.of(file.getFileName().toString()),
                DbfEncoding.byFormat("GeoJSON"), () -> GeoJsonSource.open(file),
                (source, srid) -> SourceCrs.of(baseName(file), ((GeoJsonSource) source).crs(), srid,
                        source.sourceExtent()));
    }

    private static SourceLayer csv(Path file, Optional<String> encoding) {
        DbfEncoding.Detection detection = DbfEncoding.detectText(file, encoding);
        List<String> names = new ArrayList<>(List.of(file.getFileName().toString()));
        for (String extension : List.of(".csvt", ".prj")) {
            Path sibling = file.resolveSibling(baseName(file) + extension);
            if (Files.isRegularFile(sibling)) {
                names.add(sibling.getFileName().toString());
            }
        }
        return new SourceLayer(baseName(file), "csv", names, detection, () -> CsvSource.open(file, detection.charset()),
                (source, srid) -> SourceCrs.of(baseName(file), ((CsvSource) source).crs(), srid, source.sourceExtent()));
    }

    /** FileGDB (a .gdb folder), DWG and DXF: formats to convert first, said with the command that does it. */
    private static void refuseFormatsToConvert(Path dir, List<Path> files) {
        for (Path file : files) {
            Path relative = dir.relativize(file);
            String extension = extension(file);
            boolean gdb = extension.startsWith("gdbtabl") || extension.equals("gdbindexes")
                    || Stream.iterate(relative.getParent(), p -> p != null, Path::getParent)
                            .anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gdb"));
            if (gdb) {
                throw convert("FileGDB（ESRI 文件地理数据库）", "a FileGDB (ESRI file geodatabase)", "数据.gdb", "data.gdb");
            }
            if (extension.equals("dwg") || extension.equals("dxf")) {
                String name = extension.toUpperCase(Locale.ROOT);
                throw convert(name + "（CAD 图纸）", "a " + name + " (CAD drawing)", "图纸." + extension,
                        "drawing." + extension);
            }
        }
    }

    private static ImportRejectedException convert(String whatZh, String whatEn, String exampleZh, String exampleEn) {
        return new ImportRejectedException(
                "不能直接导入" + whatZh + "：请先转换为 GeoPackage 或 shapefile，如 ogr2ogr -f GPKG 输出.gpkg " + exampleZh
                        + "（或 ogr2ogr -f \"ESRI Shapefile\" -lco ENCODING=UTF-8 输出目录 " + exampleZh + "，再压缩为 zip），然后上传",
                whatEn + " cannot be imported as it is: convert it to GeoPackage or shapefile first, e.g. ogr2ogr -f GPKG "
                        + "out.gpkg " + exampleEn + " (or ogr2ogr -f \"ESRI Shapefile\" -lco ENCODING=UTF-8 out_dir "
                        + exampleEn + ", then zip the folder), and upload that");
    }

    /** Whether a file of this name is read as it is, not unpacked: GeoPackage, GeoJSON, CSV, and DWG/DXF (to refuse). */
    static boolean sentAsItIs(String fileName) {
        return Set.of("gpkg", "geojson", "json", "csv", "dwg", "dxf").contains(extension(fileName));
    }

    /** The readers' refusal as the import's: a 400 with their message. */
    static ImportRejectedException rejected(UnreadableSourceException unreadable) {
        ImportRejectedException rejected = new ImportRejectedException(unreadable.messageZh(), unreadable.messageEn());
        rejected.initCause(unreadable);
        return rejected;
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> !fromMac(dir.relativize(f))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fromMac(Path relative) {
        return relative.toString().replace('\\', '/').startsWith("__MACOSX/")
                || relative.getFileName().toString().startsWith("._");
    }

    static String extension(Path file) {
        return extension(file.getFileName().toString());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
