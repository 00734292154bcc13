package org.changchun.layout.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.shapefile.ShapefileSource.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ShapefileSourceTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path temp;

    @Test
    void readsAGbkShapefileWithChineseFieldsAndValues() throws ParseException {
        ShapefileSet set = GdalShapefiles.write(temp.resolve("gbk"), "行政区", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK");

        try (ShapefileSource source = ShapefileSource.open(set, GB18030)) {
            assertThat(source.recordCount()).isEqualTo(3);
            assertThat(source.geometryType()).isEqualTo("MultiPolygon");
            assertThat(source.shapeType()).isEqualTo("Polygon");
            assertThat(source.sourceExtent()).isEqualTo(new Envelope(125.5, 126.5, 43.4, 44.3));
            assertThat(source.fields()).containsExactly(
                    new FieldSpec("名称", FieldType.STRING, null, null),
                    new FieldSpec("面积", FieldType.NUMBER, null, null),
                    new FieldSpec("人口", FieldType.INTEGER, null, null),
                    new FieldSpec("设立日期", FieldType.DATE, null, null),
                    new FieldSpec("代码", FieldType.STRING, null, null));

            List<Record> records = all(source);

            assertThat(records).extracting(Record::index).containsExactly(0, 1, 2);
            assertThat(records.get(0).values()).containsExactly(entry("名称", "双阳区"), entry("面积", 1677.5),
                    entry("人口", 398000L), entry("设立日期", LocalDate.of(1995, 10, 20)), entry("代码", "220112"));
            assertThat(records.get(1).values()).containsEntry("名称", "九台区").containsEntry("人口", null)
                    .containsEntry("设立日期", null);
            assertThat(records.get(2).values()).containsEntry("面积", null).containsEntry("代码", null);
            Geometry withHole = records.get(0).geometry();
            assertThat(withHole.getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(withHole.equalsTopo(wkt("POLYGON((125.5 43.4,125.9 43.4,125.9 43.7,125.5 43.7,125.5 43.4),"
                    + "(125.6 43.5,125.7 43.5,125.7 43.6,125.6 43.6,125.6 43.5))"))).isTrue();
            assertThat(records.get(1).geometry().getNumGeometries()).isEqualTo(2);
            assertThat(records.get(2).geometry()).as("a null shape").isNull();
            assertThat(source.unreadableValues()).isZero();
            assertThat(source.deletedRecords()).isZero();
        }
    }

    @Test
    void readsUtf8TextAndTheFieldNamesGdalCutMidCharacter() {
        ShapefileSet set = GdalShapefiles.write(temp.resolve("utf8"), "行政区", GdalShapefiles.DISTRICTS,
                "-lco", "ENCODING=UTF-8");

        try (ShapefileSource source = ShapefileSource.open(set, StandardCharsets.UTF_8)) {
            // "设立日期" has 12 bytes in UTF-8; GDAL keeps 10, cutting the last character in half
            assertThat(source.fields()).extracting(FieldSpec::name).containsExactly("名称", "面积", "人口", "设立日", "代码");
            assertThat(source.records().next().values()).containsEntry("名称", "双阳区")
                    .containsEntry("设立日", LocalDate.of(1995, 10, 20));
        }
    }

    @Test
    void readsZAndMShapesAs2d() throws ParseException {
        String points = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"h":1},"geometry":{"type":"Point","coordinates":[125.3,43.9,210.5]}},
                {"type":"Feature","properties":{"h":2},"geometry":{"type":"MultiPoint","coordinates":[[125.4,43.8,200],[125.5,43.7,190]]}}
                ]}""";
        ShapefileSet multiPointZ = GdalShapefiles.write(temp.resolve("mpz"), "mpz", points, "-nlt", "MULTIPOINT25D");
        String polygon = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"h":1},"geometry":{"type":"Polygon","coordinates":[[[125,43,1],[126,43,2],[126,44,3],[125,43,1]]]}}
                ]}""";
        ShapefileSet polygonZ = GdalShapefiles.write(temp.resolve("pz"), "pz", polygon);
        Path csv = temp.resolve("m.csv");
        writeCsv(csv, "id,WKT", "1,\"LINESTRING M (125 43 5,126 44 6)\"");
        ShapefileSet lineM = GdalShapefiles.write(temp.resolve("lm"), "lm", readString(csv), "-oo", "GEOM_POSSIBLE_NAMES=WKT");

        try (ShapefileSource source = ShapefileSource.open(multiPointZ, StandardCharsets.UTF_8)) {
            assertThat(source.shapeType()).isEqualTo("MultiPointZ");
            assertThat(source.geometryType()).isEqualTo("MultiPoint");
            List<Record> records = all(source);
            assertThat(records.get(1).geometry().equalsExact(wkt("MULTIPOINT((125.4 43.8),(125.5 43.7))"))).isTrue();
            assertThat(records).allSatisfy(r -> assertThat(Double.isNaN(r.geometry().getCoordinate().getZ())).isTrue());
        }
        try (ShapefileSource source = ShapefileSource.open(polygonZ, StandardCharsets.UTF_8)) {
            assertThat(source.shapeType()).isEqualTo("PolygonZ");
            assertThat(source.geometryType()).isEqualTo("MultiPolygon");
            Geometry geometry = source.records().next().geometry();
            assertThat(geometry.equalsTopo(wkt("POLYGON((125 43,126 43,126 44,125 43))"))).isTrue();
            assertThat(Double.isNaN(geometry.getCoordinate().getZ())).isTrue();
        }
        try (ShapefileSource source = ShapefileSource.open(lineM, StandardCharsets.UTF_8)) {
            assertThat(source.shapeType()).isEqualTo("ArcM");
            assertThat(source.geometryType()).isEqualTo("MultiLineString");
            assertThat(source.records().next().geometry().equalsExact(wkt("MULTILINESTRING((125 43,126 44))"))).isTrue();
        }
    }

    @Test
    void readsEveryPolygonAsH2gisDoesWhetherItsOneClockwiseRingOrNot() throws IOException {
        java.util.Random random = new java.util.Random(8);
        StringBuilder features = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 300; i++) {
            double x = 125 + random.nextDouble();
            double y = 43.5 + random.nextDouble();
            int corners = 3 + random.nextInt(4);
            StringBuilder ring = new StringBuilder();
            for (int c = 0; c <= corners; c++) {
                double angle = 2 * Math.PI * (c % corners) / corners;
                double radius = 0.001 * (0.5 + random.nextDouble());
                ring.append(c == 0 ? "" : ",").append(c == corners ? ring.substring(0, ring.indexOf("]") + 1)
                        : "[" + (x + radius * Math.cos(angle)) + "," + (y + radius * Math.sin(angle)) + "]");
            }
            features.append("{\"type\":\"Feature\",\"properties\":{\"n\":").append(i)
                    .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[").append(ring).append("]]}},");
        }
        features.append("""
                {"type":"Feature","properties":{"n":300},"geometry":{"type":"Polygon","coordinates":[[[125,43,1],[126,43,2],[126,44,3],[125,43,1]]]}},
                {"type":"Feature","properties":{"n":301},"geometry":{"type":"Polygon","coordinates":[[[125,43],[125,43],[126,43],[126,44],[125,43]]]}},
                {"type":"Feature","properties":{"n":302},"geometry":{"type":"Polygon","coordinates":[[[125,43],[127,43],[127,45],[125,45],[125,43]],
                  [[125.5,43.5],[126,43.5],[126,44],[125.5,43.5]]]}},
                {"type":"Feature","properties":{"n":303},"geometry":{"type":"MultiPolygon","coordinates":[[[[125.8,44.0],[126.2,44.0],[126.2,44.3],[125.8,44.0]]],
                  [[[126.3,44.1],[126.5,44.1],[126.5,44.2],[126.3,44.1]]]]}}
                ]}""");
        ShapefileSet set = GdalShapefiles.write(temp.resolve("rings"), "rings", features.toString());
        // the format's shells run clockwise, as GDAL writes them: turn the first ring the other way
        reverseFirstRing(set.shp(), shpOffset(set.shx(), 0));

        List<Geometry> ours = new ArrayList<>();
        try (ShapefileSource source = ShapefileSource.open(set, StandardCharsets.UTF_8)) {
            source.records().forEachRemaining(record -> ours.add(record.geometry()));
        }
        List<Geometry> h2gis = new ArrayList<>();
        try (java.nio.channels.FileChannel shp = java.nio.channels.FileChannel.open(set.shp());
             java.nio.channels.FileChannel shx = java.nio.channels.FileChannel.open(set.shx())) {
            org.h2gis.functions.io.shp.internal.ShapefileReader reader = new org.h2gis.functions.io.shp.internal.ShapefileReader(shp);
            reader.setHandler(reader.getHeader().getShapeType().getShapeHandler());
            org.h2gis.functions.io.shp.internal.IndexFile index = new org.h2gis.functions.io.shp.internal.IndexFile(shx);
            for (int i = 0; i < index.getRecordCount(); i++) {
                h2gis.add(reader.geomAt(index.getOffset(i)));
            }
            reader.close();
            index.close();
        }

        assertThat(ours).hasSize(304).hasSameSizeAs(h2gis);
        for (int i = 0; i < ours.size(); i++) {
            Geometry mine = ours.get(i);
            Geometry theirs = h2gis.get(i);
            assertThat(mine.getGeometryType()).as("record %d", i).isEqualTo("MultiPolygon").isEqualTo(theirs.getGeometryType());
            assertThat(mine.equalsExact(theirs)).as("record %d: %s against H2GIS's %s", i, mine, theirs).isTrue();
            assertThat(mine.getCoordinate().getZ()).as("2D").isNaN();
        }
        assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(
                ((org.locationtech.jts.geom.Polygon) ours.get(0).getGeometryN(0)).getExteriorRing().getCoordinateSequence()))
                .as("the anticlockwise ring, read by H2GIS's handler").isFalse();
        assertThat(ours.get(302).getGeometryN(0)).extracting(g -> ((org.locationtech.jts.geom.Polygon) g).getNumInteriorRing())
                .isEqualTo(1);
        assertThat(ours.get(303).getNumGeometries()).isEqualTo(2);
    }

    /** Where record {@code i} starts in the .shp, from the .shx (big-endian 16-bit words). */
    private static int shpOffset(Path shx, int i) throws IOException {
        byte[] index = Files.readAllBytes(shx);
        return 2 * java.nio.ByteBuffer.wrap(index, 100 + 8 * i, 4).getInt();
    }

    /** Reverses the points of a one-part polygon record in place. */
    private static void reverseFirstRing(Path shp, int recordOffset) throws IOException {
        byte[] file = Files.readAllBytes(shp);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int content = recordOffset + 8;
        int points = bytes.getInt(content + 40);
        int first = content + 48;
        for (int a = 0, b = points - 1; a < b; a++, b--) {
            for (int k = 0; k < 16; k++) {
                byte swap = file[first + 16 * a + k];
                file[first + 16 * a + k] = file[first + 16 * b + k];
                file[first + 16 * b + k] = swap;
            }
        }
        Files.write(shp, file);
    }

    @Test
    void readsPointsAndALinePartWithASinglePointWithoutShiftingTheOthers() throws ParseException {
        ShapefileSet points = GdalShapefiles.write(temp.resolve("p"), "p", GdalShapefiles.ASCII_POINTS);
        Path csv = temp.resolve("l.csv");
        writeCsv(csv, "id,WKT", "1,\"MULTILINESTRING((125 43),(125.1 43.1,125.2 43.2))\"",
                "2,\"LINESTRING(126 44,126.5 44.5)\"");
        ShapefileSet lines = GdalShapefiles.write(temp.resolve("l"), "l", readString(csv), "-oo", "GEOM_POSSIBLE_NAMES=WKT",
                "-nlt", "MULTILINESTRING");

        try (ShapefileSource source = ShapefileSource.open(points, StandardCharsets.UTF_8)) {
            assertThat(source.geometryType()).isEqualTo("Point");
            assertThat(all(source)).extracting(r -> r.geometry().toText())
                    .containsExactly("POINT (125.3 43.9)", "POINT (125.4 43.8)");
        }
        try (ShapefileSource source = ShapefileSource.open(lines, StandardCharsets.UTF_8)) {
            List<Record> records = all(source);
            MultiLineString first = (MultiLineString) records.get(0).geometry();
            assertThat(first.getNumGeometries()).isEqualTo(2);
            assertThat(((LineString) first.getGeometryN(0)).getCoordinateSequence().getY(1)).isEqualTo(43);
            assertThat(first.getGeometryN(1).equalsExact(wkt("LINESTRING(125.1 43.1,125.2 43.2)"))).isTrue();
            assertThat(records.get(1).geometry().equalsExact(wkt("MULTILINESTRING((126 44,126.5 44.5))"))).isTrue();
        }
    }

    @Test
    void refusesATruncatedShp() {
        ShapefileSet set = gbkDistricts();
        long size = size(set.shp());
        GdalShapefiles.truncate(set.shp(), 10);

        assertThatThrownBy(() -> ShapefileSource.open(set, GB18030))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
                    assertThat(e.messageEn()).startsWith(String.format("the .shp is truncated: expected %,d bytes, found %,d "
                            + "(行政区.shp)", size, size - 10));
                    assertThat(e.messageZh()).startsWith("文件不完整（被截断）：行政区.shp 应有");
                });
    }

    @Test
    void refusesATruncatedShxAndDbf() {
        ShapefileSet set = gbkDistricts();
        GdalShapefiles.truncate(set.shx(), 8);
        assertThatThrownBy(() -> ShapefileSource.open(set, GB18030)).isInstanceOf(InvalidShapefileException.class)
                .hasMessageContaining("the .shx is truncated");

        ShapefileSet other = GdalShapefiles.write(temp.resolve("other"), "行政区", GdalShapefiles.DISTRICTS, "-lco",
                "ENCODING=GBK");
        GdalShapefiles.truncate(other.dbf(), 50);
        assertThatThrownBy(() -> ShapefileSource.open(other, GB18030))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
                    assertThat(e.messageEn()).startsWith("the .dbf is truncated: expected ").contains("for 3 records");
                    assertThat(e.messageZh()).startsWith("文件不完整（被截断）：行政区.dbf 应有");
                });
    }

    @Test
    void refusesFilesFromDifferentVersions() throws IOException {
        ShapefileSet set = gbkDistricts();
        ShapefileSet fewer = GdalShapefiles.write(temp.resolve("fewer"), "行政区", GdalShapefiles.ASCII_POINTS);
        Files.copy(fewer.dbf(), set.dbf(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ShapefileSource.open(set, GB18030))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
                    assertThat(e.messageEn()).isEqualTo("\"行政区\" has 3 shapes but the .dbf has 2 records: the files are "
                            + "from different versions; export them again and zip them together");
                    assertThat(e.messageZh()).startsWith("“行政区”的 .shx 有 3 个图形，但 .dbf 有 2 条记录");
                });
    }

    @Test
    void countsWithThousandsSeparators() throws IOException {
        StringBuilder many = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 1000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"n\":").append(i)
                    .append("},\"geometry\":{\"type\":\"Point\",\"coordinates\":[125,43]}}");
        }
        ShapefileSet set = GdalShapefiles.write(temp.resolve("many"), "many", many.append("]}").toString());
        ShapefileSet fewer = GdalShapefiles.write(temp.resolve("fewer"), "many",
                many.toString().replace(",{\"type\":\"Feature\",\"properties\":{\"n\":999},\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[125,43]}}", ""));
        Files.copy(fewer.dbf(), set.dbf(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ShapefileSource.open(set, StandardCharsets.UTF_8)).isInstanceOf(InvalidShapefileException.class)
                .hasMessageContaining("has 1,000 shapes but the .dbf has 999 records");
    }

    @Test
    void refusesAFileThatIsNotAShp() throws IOException {
        ShapefileSet set = gbkDistricts();
        Files.write(set.shp(), new byte[300]);

        assertThatThrownBy(() -> ShapefileSource.open(set, GB18030))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> assertThat(e.messageEn())
                        .startsWith("the file 行政区.shp is damaged: its header says 0/0 instead of 9994/1000"));
    }

    @Test
    void refusesARecordWhoseCountsDoNotFitItsLength() {
        ShapefileSet set = gbkDistricts();
        // the first record's content starts at byte 108; its point count (int at +40) is made absurd
        GdalShapefiles.patch(set.shp(), 108 + 40, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});

        try (ShapefileSource source = ShapefileSource.open(set, GB18030)) {
            Iterator<Record> records = source.records();
            assertThatThrownBy(records::hasNext).isInstanceOfSatisfying(InvalidShapefileException.class,
                    e -> assertThat(e.messageEn()).startsWith("shape 1 of \"行政区\" is damaged (its part and point counts "
                            + "need"));
        }
    }

    @Test
    void turnsUnparseableValuesIntoCountedNullsAndSkipsDeletedRecords() {
        ShapefileSet set = gbkDistricts();
        try (DbfFile dbf = DbfFile.open(set.dbf())) {
            DbfFile.Field population = dbf.fields().get(2);
            DbfFile.Field date = dbf.fields().get(3);
            int header = (int) (size(set.dbf()) - 1 - 3L * dbf.recordLength());
            int first = header + 1;
            GdalShapefiles.patch(set.dbf(), first + population.offset(), pad("12a", population.length()));
            GdalShapefiles.patch(set.dbf(), first + date.offset(), "20231399".getBytes(StandardCharsets.US_ASCII));
            int second = header + dbf.recordLength() + 1;
            GdalShapefiles.patch(set.dbf(), second + population.offset(), "*".repeat(population.length())
                    .getBytes(StandardCharsets.US_ASCII));
            GdalShapefiles.patch(set.dbf(), header + 2 * dbf.recordLength(), new byte[] {'*'});
        }

        try (ShapefileSource source = ShapefileSource.open(set, GB18030)) {
            List<Record> records = all(source);

            assertThat(records).extracting(Record::index).containsExactly(0, 1);
            assertThat(records.get(0).values()).containsEntry("人口", null).containsEntry("设立日期", null)
                    .containsEntry("名称", "双阳区");
            assertThat(records.get(1).values()).containsEntry("人口", null);
            assertThat(source.unreadableValues()).as("12a and 20231399; the stars are a null marker").isEqualTo(2);
            assertThat(source.deletedRecords()).isEqualTo(1);
        }
    }

    @Test
    void makesBlankAndRepeatedFieldNamesUnique() {
        ShapefileSet set = gbkDistricts();
        byte[] name = "名称".getBytes(GB18030);
        GdalShapefiles.patch(set.dbf(), 32 + 32, java.util.Arrays.copyOf(name, 11));
        GdalShapefiles.patch(set.dbf(), 32 + 2 * 32, new byte[11]);

        try (ShapefileSource source = ShapefileSource.open(set, GB18030)) {
            assertThat(source.fields()).extracting(FieldSpec::name)
                    .containsExactly("名称", "名称_2", "field_3", "设立日期", "代码");
        }
    }

    private ShapefileSet gbkDistricts() {
        return GdalShapefiles.write(temp.resolve("gbk"), "行政区", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK");
    }

    private static List<Record> all(ShapefileSource source) {
        List<Record> records = new ArrayList<>();
        source.records().forEachRemaining(records::add);
        return records;
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    private static byte[] pad(String text, int length) {
        return (" ".repeat(length - text.length()) + text).getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeCsv(Path csv, String... lines) {
        try {
            Files.writeString(csv, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
