package org.changchun.layout.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
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
 * <p>Charsets: UTF-8 or GBK. Features are streamed: geometries go straight to the .shp
 * ({@link ShpShxWriter}), values to a temporary file beside it ({@link DbfWriter}), because a
 * text field's width must be known before the first .dbf record is written.
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
        return DbfWriter.fieldNames(fields, charset);
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
        if (!utf8 && !charset.equals(DbfWriter.GBK)) {
            throw new IllegalArgumentException("shapefiles are exported in UTF-8 or GBK, not " + charset.name());
        }
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("not a file name: \"" + name + "\"");
        }
        List<Path> files = new ArrayList<>();
        for (String extension : new String[] {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
            files.add(dir.resolve(name + extension));
        }
        try {
            Files.createDirectories(dir);
            Map<String, String> dbfNames = dbfFieldNames(fields, charset);
            Written written;
            try (ShpShxWriter shapes = new ShpShxWriter(files.get(0), files.get(1));
                    DbfWriter table = new DbfWriter(dir.resolve(name + ".values.tmp"), fields, charset)) {
                while (features.hasNext()) {
                    Feature feature = features.next();
                    shapes.add(feature);
                    table.add(feature);
                }
                shapes.finish();
                table.writeTable(files.get(2), dbfNames);
                written = new Written(table.count(), dbfNames, shapes.typeName(), table.textsCut(),
                        table.valuesDropped());
            }
            Files.writeString(files.get(3), WGS84_PRJ, StandardCharsets.US_ASCII);
            Files.writeString(files.get(4), utf8 ? "UTF-8" : "GBK", StandardCharsets.US_ASCII);
            return written;
        } catch (IOException | DbaseFileException | RuntimeException e) {
            files.forEach(ShapefileWriter::deleteQuietly);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort after a failure that is already being reported
        }
    }
}
