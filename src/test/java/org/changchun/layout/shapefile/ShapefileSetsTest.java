package org.changchun.layout.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void refusesASetWithoutItsShx() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("upload/规划"));
        Files.copy(gdal.shp(), dir.resolve("开发区.shp"));
        Files.copy(gdal.dbf(), dir.resolve("开发区.dbf"));

        assertThatThrownBy(() -> ShapefileSets.find(temp.resolve("upload")))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
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
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
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
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
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

        assertThatThrownBy(() -> ShapefileSets.find(dir)).isInstanceOf(InvalidShapefileException.class)
                .hasMessageContaining("differ only in case");
    }
}
