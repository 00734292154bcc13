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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.ShapefileSource.Record;
import org.changchun.layout.support.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ShapefileWriterTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String LONG_TEXT = "长春市".repeat(60);

    private static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("名称", FieldType.STRING, null, null),
            new FieldSpec("规划面积（平方公里）", FieldType.NUMBER, null, null),
            new FieldSpec("规划面积（公顷）", FieldType.NUMBER, null, null),
            new FieldSpec("人口", FieldType.INTEGER, null, null),
            new FieldSpec("是否核心区", FieldType.BOOLEAN, null, null),
            new FieldSpec("批复日期", FieldType.DATE, null, null),
            new FieldSpec("说明", FieldType.STRING, null, null));

    @TempDir
    Path temp;

    @Test
    void writesGbkThatGdalAndTheReaderReadBack() throws Exception {
        List<Feature> features = districts();

        ShapefileWriter.Written written = ShapefileWriter.write(temp, "行政区", FIELDS, features.iterator(), GBK);

        assertThat(written.features()).isEqualTo(3);
        assertThat(written.shapeType()).isEqualTo("MultiPolygon");
        assertThat(written.textsCut()).isEqualTo(1);
        assertThat(written.valuesDropped()).isZero();
        assertThat(written.dbfNames()).containsEntry("名称", "名称").containsEntry("规划面积（平方公里）", "规划面积（")
                .containsEntry("规划面积（公顷）", "规划面积_2").containsEntry("是否核心区", "是否核心区");
        assertThat(Files.readString(temp.resolve("行政区.cpg"))).isEqualTo("GBK");
        assertThat(Files.readAllBytes(temp.resolve("行政区.dbf"))[29]).as("language driver: code page 936").isEqualTo((byte) 0x4D);
        assertThat(PrjIdentifier.identify(Files.readString(temp.resolve("行政区.prj")))).get()
                .extracting(PrjIdentifier.Identified::epsg).isEqualTo(4326);

        String gdal = Gdal.run("ogrinfo", "-al", "-q", temp.resolve("行政区.shp").toString());
        assertThat(gdal).contains("名称 (String) = 双阳区", "名称 (String) = 九台区", "人口 (Integer64) = 398000",
                "规划面积（ (Real) = 1677.5", "批复日期 (Date) = 1995/10/20", "是否核心区 (String) = T", "是否核心区 (String) = F");
        assertThat(gdal.lines().filter(l -> l.strip().matches("(MULTI)?POLYGON .*"))).hasSize(3);
        assertThat(gdal).as("a two-part polygon, and the record after it, are where the .shx says")
                .contains("MULTIPOLYGON (((125.8 44.0,126.2 44.3,126.2 44.0,125.8 44.0)),"
                        + "((126.3 44.1,126.5 44.2,126.5 44.1,126.3 44.1)))")
                .contains("MULTIPOLYGON (((125.3 43.8,125.4 43.9,125.4 43.8,125.3 43.8)),((125.5 43.8,125.6 43.9,125.6 43.8,"
                        + "125.5 43.8),(125.55 43.82,125.58 43.82,125.58 43.84,125.55 43.82)))");

        assertReadsBack(features, Optional.empty());
    }

    @Test
    void writesUtf8ThatGdalAndTheReaderReadBack() throws Exception {
        List<Feature> features = districts();

        ShapefileWriter.Written written = ShapefileWriter.write(temp, "行政区", FIELDS, features.iterator(),
                StandardCharsets.UTF_8);

        assertThat(written.dbfNames()).containsEntry("规划面积（平方公里）", "规划面").containsEntry("规划面积（公顷）", "规划_2")
                .containsEntry("是否核心区", "是否核");
        assertThat(Files.readString(temp.resolve("行政区.cpg"))).isEqualTo("UTF-8");
        String gdal = Gdal.run("ogrinfo", "-al", "-q", temp.resolve("行政区.shp").toString());
        assertThat(gdal).contains("名称 (String) = 双阳区", "说明 (String) = " + LONG_TEXT.substring(0, 84));

        assertReadsBack(features, Optional.empty());
    }

    @Test
    void writesPointsAndLinesToo() throws Exception {
        List<FieldSpec> fields = List.of(new FieldSpec("项目", FieldType.STRING, null, null));
        ShapefileWriter.write(temp.resolve("p"), "项目", fields,
                List.of(feature("1", "POINT(125.3 43.9)", Map.of("项目", "中韩示范区")),
                        feature("2", "POINT(125.4 43.8)", Map.of("项目", "北湖"))).iterator(), StandardCharsets.UTF_8);
        ShapefileWriter.write(temp.resolve("l"), "走廊", fields,
                List.of(feature("1", "LINESTRING(125.3 43.9,125.4 43.8)", Map.of("项目", "科创大走廊")),
                        feature("2", "MULTILINESTRING((125 43,125.1 43.1),(126 44,126.2 44.2,126.3 44.1))", Map.of()))
                        .iterator(), GBK);

        try (ShapefileSource source = ShapefileSource.open(GdalShapefiles.set(temp.resolve("p"), "项目"),
                StandardCharsets.UTF_8)) {
            assertThat(source.geometryType()).isEqualTo("Point");
            assertThat(all(source)).extracting(r -> r.geometry().toText() + " " + r.values().get("项目"))
                    .containsExactly("POINT (125.3 43.9) 中韩示范区", "POINT (125.4 43.8) 北湖");
        }
        try (ShapefileSource source = ShapefileSource.open(GdalShapefiles.set(temp.resolve("l"), "走廊"), GBK)) {
            assertThat(source.geometryType()).isEqualTo("MultiLineString");
            List<Record> records = all(source);
            assertThat(records.get(0).geometry().equalsExact(wkt("MULTILINESTRING((125.3 43.9,125.4 43.8))"))).isTrue();
            assertThat(records.get(1).geometry().getNumGeometries()).isEqualTo(2);
            assertThat(records.get(1).values()).containsEntry("项目", null);
        }
        assertThat(Gdal.run("ogrinfo", "-al", "-q", temp.resolve("l/走廊.shp").toString()))
                .contains("项目 (String) = 科创大走廊", "MULTILINESTRING ((125 43,125.1 43.1),(126 44,126.2 44.2,126.3 44.1))");
    }

    @Test
    void refusesALayerMixingPointsAndPolygonsAndLeavesNothingBehind() throws ParseException {
        List<Feature> mixed = List.of(feature("p1", "POINT(125.3 43.9)", Map.of()),
                feature("a1", "POLYGON((125 43,126 43,126 44,125 43))", Map.of()));

        assertThatThrownBy(() -> ShapefileWriter.write(temp, "项目", List.of(), mixed.iterator(), GBK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature a1 is a MultiPolygon but this shapefile holds Points")
                .hasMessageContaining("shapeTypeOf");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(mixed).extracting(f -> ShapefileWriter.shapeTypeOf(f.geometry())).containsExactly("Point", "MultiPolygon");
    }

    @Test
    void dropsAndCountsValuesAShapefileCannotHold() throws ParseException {
        List<FieldSpec> fields = List.of(new FieldSpec("n", FieldType.INTEGER, null, null),
                new FieldSpec("x", FieldType.NUMBER, null, null), new FieldSpec("d", FieldType.DATE, null, null));
        Map<String, Object> bad = new HashMap<>();
        bad.put("n", Long.MIN_VALUE);
        bad.put("x", 1.0e16);
        bad.put("d", "not a date");
        Map<String, Object> good = new HashMap<>();
        good.put("n", 123_456_789_012_345_678L);
        good.put("x", -1.5e14);
        good.put("d", "2024-02-29");

        ShapefileWriter.Written written = ShapefileWriter.write(temp, "t", fields,
                List.of(feature("1", "POINT(125 43)", bad), feature("2", "POINT(125 43)", good)).iterator(),
                StandardCharsets.UTF_8);

        assertThat(written.valuesDropped()).isEqualTo(3);
        assertThat(ShapefileWriter.write(temp.resolve("nan"), "nan", fields,
                List.of(feature("1", "POINT(125 43)", Map.of("x", Double.NaN))).iterator(), StandardCharsets.UTF_8)
                .valuesDropped()).isEqualTo(1);
        try (ShapefileSource source = ShapefileSource.open(GdalShapefiles.set(temp, "t"), StandardCharsets.UTF_8)) {
            List<Record> records = all(source);
            assertThat(records.get(0).values()).containsEntry("n", null).containsEntry("x", null).containsEntry("d", null);
            assertThat(records.get(1).values()).containsEntry("n", 123_456_789_012_345_678L).containsEntry("x", -1.5e14)
                    .containsEntry("d", LocalDate.of(2024, 2, 29));
            assertThat(source.unreadableValues()).isZero();
        }
    }

    @Test
    void cutsAndUniquifiesFieldNamesByBytes() {
        List<FieldSpec> fields = List.of(new FieldSpec("population_2020", FieldType.INTEGER, null, null),
                new FieldSpec("POPULATION_2021", FieldType.INTEGER, null, null),
                new FieldSpec("population_2022", FieldType.INTEGER, null, null),
                new FieldSpec("长春市规划局", FieldType.STRING, null, null));

        assertThat(ShapefileWriter.dbfFieldNames(fields, StandardCharsets.UTF_8)).containsExactly(
                Map.entry("population_2020", "population"), Map.entry("POPULATION_2021", "POPULATI_2"),
                Map.entry("population_2022", "populati_3"), Map.entry("长春市规划局", "长春市"));
        assertThat(ShapefileWriter.dbfFieldNames(fields, GBK)).containsEntry("长春市规划局", "长春市规划");
    }

    private void assertReadsBack(List<Feature> features, Optional<String> override) {
        ShapefileSet set = GdalShapefiles.set(temp, "行政区");
        DbfEncoding.Detection encoding = DbfEncoding.detect(set.dbf(), set.cpg(), override);
        assertThat(encoding.source()).isEqualTo(DbfEncoding.Source.CPG);
        Map<String, String> names = ShapefileWriter.dbfFieldNames(FIELDS, encoding.charset());
        try (ShapefileSource source = ShapefileSource.open(set, encoding.charset())) {
            assertThat(source.fields()).extracting(FieldSpec::type).containsExactlyElementsOf(
                    FIELDS.stream().map(FieldSpec::type).toList());
            assertThat(source.fields()).extracting(FieldSpec::name).containsExactlyElementsOf(names.values());
            List<Record> records = all(source);
            assertThat(records).hasSize(features.size());
            for (int i = 0; i < features.size(); i++) {
                Feature feature = features.get(i);
                Record record = records.get(i);
                assertThat(record.geometry().norm().equalsExact(asMulti(feature.geometry()).norm()))
                        .as(feature.id() + ": " + record.geometry() + " vs " + feature.geometry()).isTrue();
                Map<String, Object> expected = new LinkedHashMap<>();
                for (FieldSpec field : FIELDS) {
                    Object value = feature.properties().get(field.name());
                    if (value instanceof String text && text.length() > 84) {
                        value = encoding.charset().equals(GBK) || encoding.charset().name().equals("GB18030")
                                ? text.substring(0, 127) : text.substring(0, 84);
                    }
                    expected.put(names.get(field.name()), value);
                }
                assertThat(record.values()).as(feature.id()).containsExactlyEntriesOf(expected);
            }
            assertThat(source.unreadableValues()).isZero();
        }
    }

    private static List<Feature> districts() throws ParseException {
        Map<String, Object> shuangyang = new HashMap<>();
        shuangyang.put("名称", "双阳区");
        shuangyang.put("规划面积（平方公里）", 1677.5);
        shuangyang.put("规划面积（公顷）", 167750.25);
        shuangyang.put("人口", 398000L);
        shuangyang.put("是否核心区", true);
        shuangyang.put("批复日期", LocalDate.of(1995, 10, 20));
        shuangyang.put("说明", LONG_TEXT);
        Map<String, Object> jiutai = new HashMap<>();
        jiutai.put("名称", "九台区");
        jiutai.put("规划面积（平方公里）", 0.000123);
        jiutai.put("人口", -5L);
        jiutai.put("是否核心区", false);
        jiutai.put("说明", "东部特色农业产业带");
        Map<String, Object> empty = new HashMap<>();
        empty.put("名称", "南关区");
        return List.of(
                feature("shuangyang", "POLYGON((125.5 43.4,125.9 43.4,125.9 43.7,125.5 43.7,125.5 43.4),"
                        + "(125.6 43.5,125.7 43.5,125.7 43.6,125.6 43.6,125.6 43.5))", shuangyang),
                feature("jiutai", "MULTIPOLYGON(((125.8 44.0,126.2 44.0,126.2 44.3,125.8 44.0)),"
                        + "((126.3 44.1,126.5 44.1,126.5 44.2,126.3 44.1)))", jiutai),
                feature("nanguan", "MULTIPOLYGON(((125.3 43.8,125.4 43.8,125.4 43.9,125.3 43.8)),"
                        + "((125.5 43.8,125.6 43.8,125.6 43.9,125.5 43.8),(125.55 43.82,125.58 43.82,125.58 43.84,125.55 43.82)))",
                        empty));
    }

    private static Geometry asMulti(Geometry geometry) {
        return geometry instanceof org.locationtech.jts.geom.Polygon polygon
                ? geometry.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {polygon}) : geometry;
    }

    private static Feature feature(String id, String wkt, Map<String, Object> properties) throws ParseException {
        return new Feature(id, properties, wkt(wkt));
    }

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    private static List<Record> all(ShapefileSource source) {
        List<Record> records = new ArrayList<>();
        source.records().forEachRemaining(records::add);
        return records;
    }
}
