package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.shapefile.GdalShapefiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class ZipArchiveTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final long MB = 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void extractsAShapefileZippedWithUtf8NamesKeepingChineseSubFolders() throws IOException {
        Path zip = zipOf(StandardCharsets.UTF_8, "规划/开发区.shp", "规划/开发区.shx", "规划/开发区.dbf", "说明.txt");

        ZipArchive.Extracted extracted = ZipArchive.extract(zip, temp.resolve("out"), 10 * MB, 100);

        assertThat(extracted.files()).extracting(p -> extracted.dir().relativize(p).toString())
                .containsExactly("规划/开发区.shp", "规划/开发区.shx", "规划/开发区.dbf", "说明.txt");
        assertThat(Files.readString(extracted.dir().resolve("规划/开发区.dbf"))).isEqualTo("content of 规划/开发区.dbf");
        assertThat(extracted.bytes()).isEqualTo(extracted.files().stream().mapToLong(ZipArchiveTest::size).sum());
    }

    @Test
    void readsGbkNamesWrittenWithoutTheUtf8FlagAsChineseWindowsDoes() throws IOException {
        Path zip = zipOf(GB18030, "规划/开发区.shp", "规划/开发区.shx", "规划/开发区.dbf");
        byte[] raw = Files.readAllBytes(zip);
        assertThat(raw[7] & 0x08).as("general purpose flag bit 11 (UTF-8) of the first entry").isZero();
        assertThat(new String(raw, 30, "规划/开发区.shp".getBytes(GB18030).length, GB18030)).isEqualTo("规划/开发区.shp");

        ZipArchive.Extracted extracted = ZipArchive.extract(zip, temp.resolve("out"), 10 * MB, 100);

        assertThat(extracted.files()).extracting(p -> extracted.dir().relativize(p).toString())
                .containsExactly("规划/开发区.shp", "规划/开发区.shx", "规划/开发区.dbf");
    }

    @Test
    void readsUtf8NamesWrittenWithoutTheFlag() {
        assertThat(ZipArchive.entryName(new String("规划/开发区.shp".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1))).isEqualTo("规划/开发区.shp");
        assertThat(ZipArchive.entryName(new String("长春/双阳区.DBF".getBytes(GB18030), StandardCharsets.ISO_8859_1)))
                .isEqualTo("长春/双阳区.DBF");
        assertThat(ZipArchive.entryName("plain/ascii.shp")).isEqualTo("plain/ascii.shp");
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path notZip = Files.writeString(temp.resolve("开发区.shp"), "this is a shapefile uploaded on its own");

        assertThatThrownBy(() -> ZipArchive.extract(notZip, temp.resolve("out"), 10 * MB, 100))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.messageZh()).startsWith("不是 zip 文件");
                    assertThat(e.messageEn()).isEqualTo("not a zip archive: upload the shapefile's .shp, .shx, .dbf "
                            + "(and .prj, .cpg) zipped together; a GeoPackage, GeoJSON or CSV may be sent as it is "
                            + "(named .gpkg, .geojson, .csv)");
                });
    }

    @Test
    void refusesADamagedZip() throws IOException {
        Path zip = zipOf(StandardCharsets.UTF_8, "a.shp", "a.shx", "a.dbf");
        GdalShapefiles.truncate(zip, 40);

        assertThatThrownBy(() -> ZipArchive.extract(zip, temp.resolve("out"), 10 * MB, 100))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.messageEn()).startsWith("the zip archive is damaged, incomplete or encrypted"));
    }

    @Test
    void refusesEveryEntryThatWouldLandOutsideTheFolder() throws IOException {
        for (String evil : List.of("../evil.txt", "ok/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "c:\\evil.txt",
                "..\\evil.txt", "sub\\..\\..\\evil.txt")) {
            Path zip = zipOf(StandardCharsets.UTF_8, "good.txt", evil);
            Path out = temp.resolve("out-" + Math.abs(evil.hashCode()));

            assertThatThrownBy(() -> ZipArchive.extract(zip, out, 10 * MB, 100)).as(evil)
                    .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                        assertThat(e.messageEn()).contains("\"" + evil + "\"").contains("outside the extraction folder");
                        assertThat(e.messageZh()).contains("指向解压目录之外");
                    });
            assertThat(Files.exists(temp.resolve("evil.txt"))).isFalse();
            assertThat(listFiles(out)).as("files already extracted are removed").isEmpty();
            Files.delete(zip);
        }
    }

    @Test
    void refusesMoreEntriesThanAllowed() throws IOException {
        Path zip = zipOf(StandardCharsets.UTF_8, "1.txt", "2.txt", "3.txt", "4.txt");

        assertThatThrownBy(() -> ZipArchive.extract(zip, temp.resolve("out"), 10 * MB, 3))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.messageEn()).startsWith("the archive has 4 entries, more than the limit of 3");
                    assertThat(e.messageZh()).startsWith("压缩包有 4 个条目，超过上限 3 个");
                });
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    @Test
    void refusesAZipBombWith413CountingTheBytesActuallyWritten() throws IOException {
        Path zip = temp.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("zeros.dbf"));
            byte[] zeros = new byte[(int) MB];
            for (int i = 0; i < 50; i++) {
                zipOut.write(zeros);
            }
            zipOut.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(MB);

        assertThatThrownBy(() -> ZipArchive.extract(zip, temp.resolve("out"), 10 * MB, 100))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(e.messageEn()).startsWith("the archive expands to more than the limit of 10,485,760 bytes");
                    assertThat(e.messageZh()).contains("解压后超过");
                });
        assertThat(listFiles(temp.resolve("out"))).as("the partial file is deleted").isEmpty();
    }

    @Test
    void countsBytesAcrossEntries() throws IOException {
        Path zip = temp.resolve("many.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < 3; i++) {
                zipOut.putNextEntry(new ZipEntry("part" + i + ".bin"));
                zipOut.write(new byte[600_000]);
                zipOut.closeEntry();
            }
        }

        assertThatThrownBy(() -> ZipArchive.extract(zip, temp.resolve("out"), 1_500_000, 100))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        assertThat(ZipArchive.extract(zip, temp.resolve("out2"), 1_800_000, 100).bytes()).isEqualTo(1_800_000);
    }

    private Path zipOf(Charset charset, String... names) throws IOException {
        Path zip = Files.createTempFile(temp, "upload", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out, charset)) {
            for (String name : names) {
                zipOut.putNextEntry(new ZipEntry(name));
                zipOut.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
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
