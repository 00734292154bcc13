package org.changchun.layout.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.changchun.layout.shapefile.DbfEncoding.Detection;
import org.changchun.layout.shapefile.DbfEncoding.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbfEncodingTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path temp;

    @Test
    void gbkWithItsCpgIsReadAsTheCpgSays() {
        ShapefileSet set = gdal("gbk", "-lco", "ENCODING=GBK");
        assertThat(Files.exists(set.cpg().orElseThrow())).isTrue();

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.source()).isEqualTo(Source.CPG);
        assertThat(detection.reasonEn()).isEqualTo("the .cpg says \"GBK\": read as GB18030/GBK");
        assertThat(detection.reasonZh()).isEqualTo(".cpg 文件写明“GBK”，按 GB18030/GBK 读取属性");
    }

    @Test
    void gbkWithoutCpgIsRecognisedFromTheText() {
        ShapefileSet set = GdalShapefiles.withoutCpg(gdal("gbk", "-lco", "ENCODING=GBK"));

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.source()).isEqualTo(Source.CONTENT);
        assertThat(detection.reasonEn()).startsWith("no .cpg; ").contains("not valid UTF-8")
                .endsWith("but is valid GBK: read as GB18030/GBK");
        assertThat(detection.reasonZh()).startsWith("没有 .cpg 文件；").contains("不是有效的 UTF-8").contains("但是有效的 GBK 编码");
    }

    @Test
    void utf8WithItsCpgIsReadAsTheCpgSays() {
        Detection detection = detect(gdal("utf8", "-lco", "ENCODING=UTF-8"));

        assertThat(detection.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detection.source()).isEqualTo(Source.CPG);
    }

    @Test
    void utf8WithoutCpgIsRecognisedFromTheText() {
        Detection detection = detect(GdalShapefiles.withoutCpg(gdal("utf8", "-lco", "ENCODING=UTF-8")));

        assertThat(detection.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detection.source()).isEqualTo(Source.CONTENT);
        assertThat(detection.reasonEn()).startsWith("no .cpg; its language driver byte (0x00) names no code page; ")
                .endsWith("the DBF's text is all valid UTF-8 with multi-byte characters: read as UTF-8");
    }

    @Test
    void theLanguageDriverDecidesWhenThereIsNoCpg() throws IOException {
        ShapefileSet set = gdal("ldid", "-lco", "ENCODING=LDID/77");
        assertThat(set.cpg()).isEmpty();
        assertThat(Files.readAllBytes(set.dbf())[29]).isEqualTo((byte) 0x4D);

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.source()).isEqualTo(Source.LANGUAGE_DRIVER);
        assertThat(detection.reasonEn()).isEqualTo("no .cpg; the DBF's language driver byte 0x4D means code page 936: "
                + "read as GB18030/GBK");
    }

    @Test
    void asciiTextIsReadAsUtf8ByDefault() {
        ShapefileSet set = GdalShapefiles.write(temp.resolve("ascii"), "points", GdalShapefiles.ASCII_POINTS);
        assertThat(set.cpg()).isEmpty();

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detection.source()).isEqualTo(Source.DEFAULT);
        assertThat(detection.reasonEn()).contains("0x57").endsWith("the DBF holds only ASCII text, which reads the same "
                + "in UTF-8 and GBK: read as UTF-8");
    }

    @Test
    void theUsersOverrideWinsOverEverything() {
        ShapefileSet set = gdal("utf8", "-lco", "ENCODING=UTF-8");

        Detection detection = DbfEncoding.detect(set.dbf(), set.cpg(), Optional.of("gbk"));

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.source()).isEqualTo(Source.OVERRIDE);
        assertThat(detection.reasonEn()).isEqualTo("read as GB18030/GBK, as the import request says");
    }

    @Test
    void anUnknownOverrideIsRefusedListingWhatIsAccepted() {
        ShapefileSet set = gdal("utf8", "-lco", "ENCODING=UTF-8");

        assertThatThrownBy(() -> DbfEncoding.detect(set.dbf(), set.cpg(), Optional.of("Klingon")))
                .isInstanceOfSatisfying(InvalidShapefileException.class, e -> {
                    assertThat(e.messageEn()).startsWith("unknown encoding \"Klingon\"; accepted: UTF-8, GBK");
                    assertThat(e.messageZh()).startsWith("不认识指定的编码“Klingon”；可用的有：UTF-8, GBK");
                });
    }

    @Test
    void anUnknownCpgIsIgnoredWithANote() throws IOException {
        ShapefileSet set = gdal("gbk", "-lco", "ENCODING=GBK");
        Files.writeString(set.cpg().orElseThrow(), "OEM");

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.source()).isEqualTo(Source.CONTENT);
        assertThat(detection.reasonEn()).contains("but is valid GBK").contains("(the .cpg says \"OEM\", which is not an "
                + "encoding this service knows, so it was ignored; accepted: ");
        assertThat(detection.reasonZh()).contains("（.cpg 文件写的“OEM”不是已知的编码，已忽略；");
    }

    @Test
    void chineseFieldNamesAloneDecide() {
        String geojson = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"名称":"a"},"geometry":{"type":"Point","coordinates":[125.3,43.9]}}]}""";
        ShapefileSet set = GdalShapefiles.withoutCpg(
                GdalShapefiles.write(temp.resolve("names"), "names", geojson, "-lco", "ENCODING=GBK"));

        Detection detection = detect(set);

        assertThat(detection.charset()).isEqualTo(GB18030);
        assertThat(detection.reasonEn()).contains("the DBF's field names are not valid UTF-8 but is valid GBK");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UTF-8|UTF-8", "utf8|UTF-8", "65001|UTF-8", "GBK|GB18030", "gb2312|GB18030", "936|GB18030", "CP936|GB18030",
        "ANSI 936|GB18030", "GB18030|GB18030", "1252|windows-1252", "ANSI 1252|windows-1252", "88591|ISO-8859-1",
        "ISO-8859-1|ISO-8859-1", "Big5|Big5", "950|Big5", "\uFEFFUTF-8|UTF-8", "LDID/77|GB18030"})
    void mapsCpgValues(String value, String charset) {
        assertThat(CodePages.forName(value)).contains(Charset.forName(charset));
    }

    @ParameterizedTest
    @CsvSource({"OEM", "ANSI", "SYSTEM", "12345", "no such charset"})
    void knowsNothingOfOtherCpgValues(String value) {
        assertThat(CodePages.forName(value)).isEmpty();
    }

    @Test
    void toleratesACharacterCutOffAtTheEndOfAFullField() {
        byte[] utf8 = "长春市双阳区".getBytes(StandardCharsets.UTF_8);
        DbfEncoding.TextCheck cut = new DbfEncoding.TextCheck();
        cut.add(utf8, 0, utf8.length - 1, true);
        assertThat(cut.utf8Valid).isTrue();
        assertThat(cut.multiByte).isTrue();

        DbfEncoding.TextCheck middle = new DbfEncoding.TextCheck();
        byte[] broken = "长春 市".getBytes(StandardCharsets.UTF_8);
        broken[2] = ' ';
        middle.add(broken, 0, broken.length, true);
        assertThat(middle.utf8Valid).isFalse();

        byte[] gbk = "长春市双阳区".getBytes(GB18030);
        DbfEncoding.TextCheck gbkCut = new DbfEncoding.TextCheck();
        gbkCut.add(gbk, 0, gbk.length - 1, true);
        assertThat(gbkCut.utf8Valid).isFalse();
        assertThat(gbkCut.gbValid).isTrue();
    }

    @Test
    void refusesADamagedDbf() throws IOException {
        ShapefileSet set = gdal("gbk", "-lco", "ENCODING=GBK");
        GdalShapefiles.truncate(set.dbf(), 30);

        assertThatThrownBy(() -> detect(GdalShapefiles.withoutCpg(set)))
                .isInstanceOfSatisfying(InvalidShapefileException.class,
                        e -> assertThat(e.messageEn()).startsWith("the .dbf is truncated: expected ").contains("(districts.dbf)"));
    }

    private ShapefileSet gdal(String folder, String... options) {
        return GdalShapefiles.write(temp.resolve(folder), "districts", GdalShapefiles.DISTRICTS, options);
    }

    private static Detection detect(ShapefileSet set) {
        return DbfEncoding.detect(set.dbf(), set.cpg(), Optional.empty());
    }
}
