package org.changchun.layout.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.store.geopackage.ReadOnlyGeoPackages;
import org.changchun.layout.support.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** The readers of the formats an import takes besides shapefiles, on files as users and GDAL write them. */
class FormatReadersTest {

    @TempDir
    Path temp;

    @Test
    void aGeoPackageIsOpenedSoThatNothingCanWriteToIt() throws Exception {
        Path gpkg = temp.resolve("d.gpkg");
        Path geojson = temp.resolve("d.geojson");
        Files.writeString(geojson, GdalShapefiles.DISTRICTS);
        Gdal.run("ogr2ogr", "-f", "GPKG", "-nln", "区县", gpkg.toString(), geojson.toString());
        byte[] before = Files.readAllBytes(gpkg);
        try (GeoPackage geoPackage = ReadOnlyGeoPackages.open(gpkg)) {
            assertThatThrownBy(() -> geoPackage.execSQL("CREATE TABLE planted(x TEXT)")).hasStackTraceContaining("readonly");
            assertThatThrownBy(() -> geoPackage.execSQL("DELETE FROM \"区县\"")).hasStackTraceContaining("readonly");
        }
        try (GeoPackageSource source = GeoPackageSource.open(gpkg, "区县")) {
            assertThat(source.recordCount()).isEqualTo(3);
            assertThat(source.geometryType()).as("a Polygon and a MultiPolygon").isEqualTo("MultiPolygon");
            assertThat(source.fields()).extracting(FieldSpec::name).containsExactly("名称", "面积", "人口", "设立日期", "代码");
            List<SourceRecord> records = all(source.records());
            assertThat(records.get(0).values().get("设立日期")).isEqualTo(LocalDate.of(1995, 10, 20));
            assertThat(records.get(0).geometry().getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(records.get(2).geometry()).isNull();
        }
        assertThat(Files.readAllBytes(gpkg)).as("the file, byte for byte").isEqualTo(before);
    }

    @Test
    void csvColumnsAreFoundByTheirCommonNamesAndCodesWithLeadingZerosStayText() throws Exception {
        Path csv = temp.resolve("p.csv");
        Files.write(csv, ("\uFEFF名称;lng;LAT;编码;开工日期;在建\n甲;125.3;43.9;007;2024/03/01;true\n乙;125.4;43.8;12;;FALSE\n"
                + "丙;;;3;2024-05-06;true\n").getBytes(StandardCharsets.UTF_8));
        try (CsvSource source = CsvSource.open(csv, StandardCharsets.UTF_8)) {
            assertThat(source.geometryColumns()).containsExactly("lng", "LAT");
            assertThat(source.crs().declared()).isFalse();
            assertThat(source.fields()).extracting(f -> f.name() + ":" + f.type().code())
                    .containsExactly("名称:string", "编码:string", "开工日期:date", "在建:boolean");
            List<SourceRecord> records = all(source.records());
            assertThat(records).hasSize(3);
            assertThat(records.get(0).values()).as("the first column, after the BOM").containsEntry("名称", "甲")
                    .containsEntry("编码", "007").containsEntry("在建", true)
                    .containsEntry("开工日期", LocalDate.of(2024, 3, 1));
            assertThat(records.get(0).geometry().getCoordinate().x).isEqualTo(125.3);
            assertThat(records.get(2).geometry()).as("no coordinates").isNull();
        }
        Path none = temp.resolve("none.csv");
        Files.writeString(none, "名称,地址\n甲,人民大街\n");
        assertThatThrownBy(() -> CsvSource.open(none, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("no coordinate columns");
    }

    @Test
    void aGbkCsvWithChineseCoordinateColumnsIsReadInGbk() throws Exception {
        Path csv = temp.resolve("gbk.csv");
        Files.write(csv, "项目,经度,纬度,投资\n北湖,125.41,43.98,12.5\n".getBytes(Charset.forName("GBK")));
        Charset charset = org.changchun.layout.shapefile.DbfEncoding.detectText(csv, java.util.Optional.empty()).charset();
        assertThat(charset.name()).isEqualTo("GB18030");
        try (CsvSource source = CsvSource.open(csv, charset)) {
            assertThat(source.geometryColumns()).containsExactly("经度", "纬度");
            SourceRecord record = source.records().next();
            assertThat(record.values()).containsEntry("项目", "北湖").containsEntry("投资", 12.5);
            assertThat(source.fields().get(1).type()).isEqualTo(FieldType.NUMBER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4530\"}}|4530",
        "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4490\"}}|4490",
        "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}|4326",
        "{\"type\":\"EPSG\",\"properties\":{\"code\":4530}}|4530",
        "{\"type\":\"name\",\"properties\":{\"name\":\"local\"}}|0"})
    void aLegacyCrsMemberNamesItsEpsgCode(String crs, int epsg) throws Exception {
        Path file = temp.resolve("f.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"crs\":" + crs + ",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"n\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[42500000,4800000]}}]}");
        try (GeoJsonSource source = GeoJsonSource.open(file)) {
            assertThat(source.crs().epsg().orElse(0)).isEqualTo(epsg);
            assertThat(source.recordCount()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRefusedSayingWhatIsNeeded() throws Exception {
        Path file = temp.resolve("g.geojson");
        Files.writeString(file, "{\"type\":\"Point\",\"coordinates\":[125,43]}");
        assertThatThrownBy(() -> GeoJsonSource.open(file)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("FeatureCollection");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");
        assertThatThrownBy(() -> GeoJsonSource.open(file)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("cannot be parsed");
    }

    private static List<SourceRecord> all(Iterator<SourceRecord> records) {
        List<SourceRecord> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }
}
