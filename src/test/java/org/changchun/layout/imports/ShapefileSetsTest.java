package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapefileSetsTest {

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
    void refusesASetWithoutItsShx() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("upload/规划"));
        Files.copy(gdal.shp(), dir.resolve("开发区.shp"));
        Files.copy(gdal.dbf(), dir.resolve("开发区.dbf"));

        assertThatThrownBy(() -> ShapefileSets.find(temp.resolve("upload")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.messageEn()).startsWith("the shapefile \"规划/开发区\" lacks its .shx file");
                    assertThat(e.messageZh()).startsWith("shapefile“规划/开发区”缺少 .shx 文件");
                });
    }

    @Test
    void refusesASetWithoutItsDbfOrShp() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("upload"));
        Files.copy(gdal.shx(), dir.resolve("道路.shx"));
        Files.copy(gdal.prj().orElseThrow(), dir.resolve("道路.prj"));

        assertThatThrownBy(() -> ShapefileSets.find(dir))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.messageEn()).startsWith("the shapefile \"道路\" lacks its .shp, .dbf files");
                    assertThat(e.messageZh()).contains("缺少 .shp、.dbf 文件");
                });
    }

    @Test
    void refusesAnUploadWithoutAnyShapefile() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("upload"));
        Files.writeString(dir.resolve("readme.txt"), "no shapes");
        Files.copy(gdal.prj().orElseThrow(), dir.resolve("lonely.prj"));

        assertThatThrownBy(() -> ShapefileSets.find(dir))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.messageEn()).startsWith("the archive holds no shapefile");
                    assertThat(e.messageZh()).startsWith("压缩包里没有 shapefile");
                });
    }

    @Test
    void refusesTwoFilesThatDifferOnlyInCase() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("upload"));
        Files.copy(gdal.shp(), dir.resolve("a.shp"));
        Files.copy(gdal.shp(), dir.resolve("a.SHP"));
        Files.copy(gdal.shx(), dir.resolve("a.shx"));
        Files.copy(gdal.dbf(), dir.resolve("a.dbf"));

        assertThatThrownBy(() -> ShapefileSets.find(dir)).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("differ only in case");
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
