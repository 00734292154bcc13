package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.ChinaExtent;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.DbfEncoding;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.shapefile.ShapefileSets;
import org.changchun.layout.shapefile.ShapefileSource;
import org.changchun.layout.shapefile.ShapefileSource.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Shapefiles as an upload delivers them: zipped (entry names in GBK or UTF-8, sub-folders, any case
 * of extension), unpacked by {@link ZipArchive}, then found, decoded and read by the codec.
 */
class ZippedShapefilesTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path temp;

    private ShapefileSet gdal;

    @BeforeEach
    void writeOneShapefileWithGdal() {
        gdal = GdalShapefiles.write(temp.resolve("gdal"), "districts", GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK");
    }

    @Test
    void findsSeveralSetsInChineseSubFoldersWithAnyCaseOfExtension() throws IOException {
        Path zip = zipOf(Charset.forName("GB18030"),
                "规划/开发区.SHP", gdal.shp(), "规划/开发区.Shx", gdal.shx(), "规划/开发区.DBF", gdal.dbf(),
                "规划/开发区.PRJ", gdal.prj().orElseThrow(), "规划/开发区.sbn", gdal.shp(), "规划/开发区.shp.xml", gdal.prj().orElseThrow(),
                "行政区/双阳区.shp", gdal.shp(), "行政区/双阳区.shx", gdal.shx(), "行政区/双阳区.dbf", gdal.dbf(),
                "行政区/双阳区.cpg", gdal.cpg().orElseThrow(), "行政区/双阳区.qix", gdal.shx(),
                "__MACOSX/行政区/._双阳区.shp", gdal.shp(), "行政区/._双阳区.dbf", gdal.dbf(), "readme.txt", gdal.prj().orElseThrow());
        Path dir = ZipArchive.extract(zip, temp.resolve("upload"), 100_000_000, 100).dir();

        ShapefileSets.Found found = ShapefileSets.find(dir);

        assertThat(found.sets()).hasSize(2);
        ShapefileSet zone = found.sets().get(1);
        assertThat(zone.name()).isEqualTo("开发区");
        assertThat(zone.shp()).isEqualTo(dir.resolve("规划/开发区.SHP"));
        assertThat(zone.shx()).isEqualTo(dir.resolve("规划/开发区.Shx"));
        assertThat(zone.dbf()).isEqualTo(dir.resolve("规划/开发区.DBF"));
        assertThat(zone.prj()).contains(dir.resolve("规划/开发区.PRJ"));
        assertThat(zone.cpg()).isEmpty();
        ShapefileSet district = found.sets().get(0);
        assertThat(district.name()).isEqualTo("双阳区");
        assertThat(district.prj()).isEmpty();
        assertThat(district.cpg()).contains(dir.resolve("行政区/双阳区.cpg"));
        assertThat(found.ignored()).containsExactlyInAnyOrder("__MACOSX/行政区/._双阳区.shp", "readme.txt",
                "行政区/._双阳区.dbf", "行政区/双阳区.qix", "规划/开发区.sbn", "规划/开发区.shp.xml");
    }

    @Test
    void aSetFoundInAZipReadsLikeTheOriginal() throws IOException {
        Path zip = zipOf(StandardCharsets.UTF_8, "数据/行政区.shp", gdal.shp(), "数据/行政区.shx", gdal.shx(),
                "数据/行政区.dbf", gdal.dbf(), "数据/行政区.cpg", gdal.cpg().orElseThrow());
        Path dir = ZipArchive.extract(zip, temp.resolve("upload"), 100_000_000, 100).dir();

        ShapefileSet set = ShapefileSets.find(dir).sets().get(0);

        try (ShapefileSource source = ShapefileSource.open(set,
                DbfEncoding.detect(set.dbf(), set.cpg(), Optional.empty()).charset())) {
            assertThat(source.records().next().values()).containsEntry("名称", "双阳区");
        }
    }

    @Test
    void readsAProjectedGbkShapefileWithoutCpgFromAZipEndToEnd() throws IOException {
        ShapefileSet written = GdalShapefiles.withoutCpg(GdalShapefiles.write(temp.resolve("gk"), "districts",
                GdalShapefiles.DISTRICTS, "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4530"));
        Path zip = GdalShapefiles.zip(temp.resolve("upload.zip"), GB18030,
                List.of("长春/行政区.SHP", "长春/行政区.SHX", "长春/行政区.DBF", "长春/行政区.PRJ"),
                List.of(written.shp(), written.shx(), written.dbf(), written.prj().orElseThrow()));

        Path dir = ZipArchive.extract(zip, temp.resolve("upload"), 10_000_000, 20).dir();
        ShapefileSet set = ShapefileSets.find(dir).sets().get(0);
        DbfEncoding.Detection encoding = DbfEncoding.detect(set.dbf(), set.cpg(), Optional.empty());
        PrjIdentifier.Identified crs = PrjIdentifier.identify(Files.readString(set.prj().orElseThrow())).orElseThrow();

        assertThat(set.name()).isEqualTo("行政区");
        assertThat(encoding.source()).isEqualTo(DbfEncoding.Source.CONTENT);
        assertThat(crs.epsg()).isEqualTo(4530);
        try (ShapefileSource source = ShapefileSource.open(set, encoding.charset())) {
            assertThat(source.sourceExtent().getMinX()).isBetween(42_400_000.0, 42_600_000.0);
            Record first = source.records().next();
            assertThat(first.values()).containsEntry("名称", "双阳区");
            Geometry lonLat = Reprojection.transform(first.geometry(), crs.epsg(), 4326);
            assertThat(lonLat.getEnvelopeInternal().getMinX()).isCloseTo(125.5, org.assertj.core.api.Assertions.within(1e-6));
            Envelope wgs84 = Reprojection.transform(
                    new org.locationtech.jts.geom.GeometryFactory().toGeometry(source.sourceExtent()), crs.epsg(), 4326)
                    .getEnvelopeInternal();
            assertThat(ChinaExtent.check(wgs84, source.sourceExtent(), crs.epsg())).isEmpty();
        }
    }

    private Path zipOf(Charset charset, Object... namesAndFiles) {
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < namesAndFiles.length; i += 2) {
            names.add((String) namesAndFiles[i]);
            files.add((Path) namesAndFiles[i + 1]);
        }
        return GdalShapefiles.zip(temp.resolve("upload.zip"), charset, names, files);
    }
}
