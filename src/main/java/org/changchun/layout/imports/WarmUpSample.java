package org.changchun.layout.imports;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.shapefile.ShapefileWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The upload an import warm-up rehearses, generated as GIS staff most often deliver one: a zip of
 * a point shapefile (projects) and a polygon one (parcels), GBK text without a {@code .cpg}, in
 * CGCS2000 3-degree Gauss-Kruger zone 42 (EPSG:4530). Features are spread over the plan's extent,
 * half of them near its centre, so that they fall in every plan polygon: the paths an import's
 * linking and totals take. A fifth of the parcels sit on a plan polygon's boundary: scattered, about
 * one in a hundred would cross one, as in a real parcel layer, and the overlays that cut a crossing
 * parcel at the boundary ran too seldom in a warm-up to be compiled before the first import (where
 * they then took a second of the compiler's time). Not data: it never reaches the store.
 */
final class WarmUpSample {

    static final String FILE_NAME = "import-warm-up.zip";
    static final int POINTS = 20_000;
    static final int PARCELS = 10_000;

    private static final int SOURCE_EPSG = 4530;
    private static final String SOURCE_PRJ = "PROJCS[\"CGCS2000_3_Degree_GK_Zone_42\",GEOGCS[\"GCS_China_Geodetic_"
            + "Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
            + "PARAMETER[\"False_Easting\",42500000.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",126.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    private static final Charset GBK = Charset.forName("GBK");
    /** A parcel's side, in degrees of latitude (about 100 m). */
    private static final double PARCEL_SIDE = 0.0009;
    /** One parcel in this many is put on a plan polygon's boundary. */
    private static final int ON_BOUNDARY = 5;
    private static final String[] NAMES = {"新能源汽车零部件", "现代农业产业园", "光电信息", "文化旅游", "生物医药", "物流园", "数字经济"};
    private static final String[] CITIES = {"automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"};
    private static final String[] STATUSES = {"planned", "under_construction", "completed"};
    private static final String[] LAND_USES = {"R1", "R2", "B1", "M1", "W1", "G1", "A3", "S1", "E1"};
    private static final List<FieldSpec> PROJECT_FIELDS = List.of(
            new FieldSpec("名称", FieldType.STRING, null, null),
            new FieldSpec("city", FieldType.STRING, null, null),
            new FieldSpec("status", FieldType.STRING, null, null),
            new FieldSpec("start_year", FieldType.INTEGER, null, null),
            new FieldSpec("invest", FieldType.NUMBER, null, null),
            new FieldSpec("approved", FieldType.DATE, null, null));
    private static final List<FieldSpec> PARCEL_FIELDS = List.of(
            new FieldSpec("地块编号", FieldType.STRING, null, null),
            new FieldSpec("用地性质", FieldType.STRING, null, null),
            new FieldSpec("面积", FieldType.NUMBER, null, null));

    private final GeometryFactory wgs84 = new GeometryFactory();
    private final UnaryOperator<Geometry> toSource = Reprojection.transformer(4326, SOURCE_EPSG);
    private final SplittableRandom random = new SplittableRandom(2035);
    private final Envelope extent;
    private final List<Coordinate> boundaries;

    /**
     * @param extent     where to spread the features: the plan's extent in WGS 84
     * @param boundaries vertices of the plan polygons' boundaries, where some parcels are put; may be empty
     */
    private WarmUpSample(Envelope extent, List<Coordinate> boundaries) {
        this.extent = extent;
        this.boundaries = boundaries;
    }

    /** The sample as a zipped upload. */
    static byte[] zipped(Envelope planExtent, List<Coordinate> planBoundaries) {
        return new WarmUpSample(planExtent, planBoundaries).zip();
    }

    private byte[] zip() {
        List<Feature> projects = new ArrayList<>(POINTS);
        for (int i = 0; i < POINTS; i++) {
            projects.add(project(i));
        }
        List<Feature> parcels = new ArrayList<>(PARCELS);
        for (int i = 0; i < PARCELS; i++) {
            parcels.add(parcel(i));
        }
        Path shapes = null;
        try {
            shapes = Files.createTempDirectory("changchun-warm-up");
            writeShapefile(shapes, "warm-up-projects", PROJECT_FIELDS, projects);
            writeShapefile(shapes, "warm-up-parcels", PARCEL_FIELDS, parcels);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream entries = new ZipOutputStream(zip); Stream<Path> files = Files.list(shapes)) {
                for (Path file : files.sorted().toList()) {
                    entries.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, entries);
                    entries.closeEntry();
                }
            }
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(shapes);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException ignored) {
            // a few megabytes left in the temporary folder, which the system empties
        }
    }

    /** Written with the exporter's writer, then given the source CRS's .prj and, as agencies often do, no .cpg. */
    private static void writeShapefile(Path folder, String name, List<FieldSpec> fields, List<Feature> features) {
        ShapefileWriter.write(folder, name, fields, features.iterator(), GBK);
        try {
            Files.writeString(folder.resolve(name + ".prj"), SOURCE_PRJ, StandardCharsets.US_ASCII);
            Files.delete(folder.resolve(name + ".cpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Feature project(int i) {
        Coordinate at = somewhere();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("名称", pick(NAMES) + "项目" + i);
        values.put("city", pick(CITIES));
        values.put("status", pick(STATUSES));
        values.put("start_year", 2021L + random.nextInt(6));
        values.put("invest", Math.round(random.nextDouble(0.5, 200) * 100) / 100.0);
        values.put("approved", LocalDate.of(2021, 1, 1).plusDays(random.nextInt(2_000)));
        return new Feature("p" + i, values, toSource.apply(wgs84.createPoint(at)));
    }

    /** A quadrilateral of about a parcel's side with its corners pulled inwards at random, clockwise. */
    private Feature parcel(int i) {
        Coordinate sw = i % ON_BOUNDARY == 0 && !boundaries.isEmpty() ? onBoundary() : somewhere();
        double width = PARCEL_SIDE / Math.cos(Math.toRadians(sw.y));
        double[] inset = random.doubles(8, 0.05, 0.25).toArray();
        Coordinate[] ring = {
            new Coordinate(sw.x + inset[0] * width, sw.y + inset[1] * PARCEL_SIDE),
            new Coordinate(sw.x + inset[2] * width, sw.y + (1 - inset[3]) * PARCEL_SIDE),
            new Coordinate(sw.x + (1 - inset[4]) * width, sw.y + (1 - inset[5]) * PARCEL_SIDE),
            new Coordinate(sw.x + (1 - inset[6]) * width, sw.y + inset[7] * PARCEL_SIDE),
            null};
        ring[4] = ring[0].copy();
        Geometry shape = toSource.apply(wgs84.createPolygon(ring));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("地块编号", String.format("DK%08d", i));
        values.put("用地性质", pick(LAND_USES));
        values.put("面积", Math.round(shape.getArea() * 10) / 10.0);
        return new Feature("dk" + i, values, shape);
    }

    /** The south-west corner of a parcel that a boundary vertex falls in. */
    private Coordinate onBoundary() {
        Coordinate vertex = boundaries.get(random.nextInt(boundaries.size()));
        double width = PARCEL_SIDE / Math.cos(Math.toRadians(vertex.y));
        return new Coordinate(vertex.x - width / 2, vertex.y - PARCEL_SIDE / 2);
    }

    /** Half anywhere in the extent, half near its centre (a tenth of its size around it). */
    private Coordinate somewhere() {
        if (random.nextBoolean()) {
            return new Coordinate(random.nextDouble(extent.getMinX(), extent.getMaxX()),
                    random.nextDouble(extent.getMinY(), extent.getMaxY()));
        }
        double x = extent.centre().x + (random.nextDouble() - 0.5) * extent.getWidth() / 10;
        double y = extent.centre().y + (random.nextDouble() - 0.5) * extent.getHeight() / 10;
        return new Coordinate(x, y);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
