package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.support.Gdal;

/** Real shapefiles written by GDAL's ogr2ogr from small GeoJSON, and zips of them, for the codec and import tests. */
public final class GdalShapefiles {

    /** Districts with Chinese names, areas, populations and dates; one has no geometry. */
    public static final String DISTRICTS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"名称":"双阳区","面积":1677.5,"人口":398000,"设立日期":"1995-10-20","代码":"220112"},
             "geometry":{"type":"Polygon","coordinates":[[[125.5,43.4],[125.9,43.4],[125.9,43.7],[125.5,43.7],[125.5,43.4]],
               [[125.6,43.5],[125.7,43.5],[125.7,43.6],[125.6,43.6],[125.6,43.5]]]}},
            {"type":"Feature","properties":{"名称":"九台区","面积":3375.2,"人口":null,"设立日期":null,"代码":"220113"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[125.8,44.0],[126.2,44.0],[126.2,44.3],[125.8,44.0]]],
               [[[126.3,44.1],[126.5,44.1],[126.5,44.2],[126.3,44.1]]]]}},
            {"type":"Feature","properties":{"名称":"南关区","面积":null,"人口":1,"设立日期":"2001-01-31","代码":null},
             "geometry":null}
            ]}""";

    /** Points with ASCII-only attributes. */
    public static final String ASCII_POINTS = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"a","n":1},"geometry":{"type":"Point","coordinates":[125.3,43.9]}},
            {"type":"Feature","properties":{"name":"b","n":2},"geometry":{"type":"Point","coordinates":[125.4,43.8]}}
            ]}""";

    private GdalShapefiles() {
    }

    /**
     * Writes {@code dir/name.shp} (and .shx, .dbf, .prj, .cpg as GDAL decides) from GeoJSON (or
     * CSV with a WKT column, when the text does not start with a brace) with extra ogr2ogr options
     * such as {@code -lco ENCODING=GBK} or {@code -t_srs EPSG:4530}.
     */
    public static ShapefileSet write(Path dir, String name, String geojsonOrCsv, String... options) {
        try {
            Files.createDirectories(dir);
            String suffix = geojsonOrCsv.strip().startsWith("{") ? ".geojson" : ".csv";
            Path source = Files.createTempFile(dir.getParent() == null ? dir : dir.getParent(), "source", suffix);
            Files.writeString(source, geojsonOrCsv, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "ESRI Shapefile"));
            command.addAll(List.of(options));
            command.add(dir.resolve(name + ".shp").toString());
            command.add(source.toString());
            Gdal.run(command.toArray(String[]::new));
            Files.delete(source);
            return set(dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ShapefileSet set(Path dir, String name) {
        Path prj = dir.resolve(name + ".prj");
        Path cpg = dir.resolve(name + ".cpg");
        return new ShapefileSet(name, dir.resolve(name + ".shp"), dir.resolve(name + ".shx"), dir.resolve(name + ".dbf"),
                Files.exists(prj) ? Optional.of(prj) : Optional.empty(),
                Files.exists(cpg) ? Optional.of(cpg) : Optional.empty());
    }

    /** The set without its .cpg (the file is deleted). */
    public static ShapefileSet withoutCpg(ShapefileSet set) {
        try {
            Files.deleteIfExists(set.dbf().resolveSibling(set.name() + ".cpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set(set.shp().getParent(), set.name());
    }

    /** Zips files under their given entry names, with names encoded in {@code charset} (UTF-8 sets the flag). */
    public static Path zip(Path zip, Charset charset, List<String> names, List<Path> files) {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out, charset)) {
            for (int i = 0; i < names.size(); i++) {
                zipOut.putNextEntry(new ZipEntry(names.get(i)));
                Files.copy(files.get(i), zipOut);
                zipOut.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the last {@code bytes} bytes off a file. */
    public static void truncate(Path file, int bytes) {
        try {
            byte[] all = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(all, all.length - bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites bytes of a file at an offset. */
    public static void patch(Path file, int offset, byte[] replacement) {
        try {
            byte[] all = Files.readAllBytes(file);
            System.arraycopy(replacement, 0, all, offset, replacement.length);
            Files.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
