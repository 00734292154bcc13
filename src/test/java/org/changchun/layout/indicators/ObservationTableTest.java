package org.changchun.layout.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.problem.InvalidRowsException;
import org.changchun.layout.problem.RowProblem;
import org.junit.jupiter.api.Test;

/** Tables of figures as Excel writes them, read and checked before anything is written. */
class ObservationTableTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final List<Indicator> INDICATORS = List.of(
            StatusCases.indicator("grain-output", IndicatorKind.LEVEL, TargetComparator.AT_LEAST, 270, false, 248),
            new Indicator("good-air-days", "dual-carbon", "空气质量优良天数比例", "Share of good-air-quality days",
                    IndicatorKind.SHARE, TargetComparator.AT_LEAST, 90, 2026, true, "%", "%", 2021, 89, null, true,
                    "空气质量优良天数比例保持90%以上", null, null));
    private static final List<IndicatorArea> AREAS = List.of(
            new IndicatorArea("220100", "长春市（全市）", "Changchun (whole city)", false),
            new IndicatorArea("220182", "榆树市", "Yushu City", true),
            new IndicatorArea("220122", "农安县", "Nong'an County", true));
    private static final String CHINESE = "指标,年份,区域,数值,单位,来源,示例数据,备注\r\n"
            + "测试指标 grain-output,2024,榆树市,60.81,亿元,榆树市2024年统计公报,否,Excel 的备注列\r\n"
            + "grain-output,2024,全市,262.46,,,是,\r\n"
            + "good-air-days,2024,220100,90.6%,%,长春市生态环境状况公报（2024年）,否,\r\n";

    @Test
    void readsGbkWithChineseHeadersAsExcelSavesIt() {
        ObservationTable.Parsed table = ObservationTable.read(CHINESE.getBytes(GBK), Optional.empty());

        assertThat(table.charset().name()).isEqualTo("GB18030");
        List<Observation> figures = check(table);
        assertThat(figures).extracting(Observation::indicator, Observation::year, Observation::area, Observation::value,
                Observation::sample).containsExactly(tuple("grain-output", 2024, "220182", 60.81, false),
                tuple("grain-output", 2024, "220100", 262.46, true), tuple("good-air-days", 2024, "220100", 90.6, false));
        assertThat(figures.get(0).source()).isEqualTo("榆树市2024年统计公报");
        assertThat(figures.get(1).source()).isNull();
    }

    @Test
    void readsUtf8WithOrWithoutTheByteOrderMarkAndTabs() {
        byte[] bom = ("\uFEFF" + CHINESE).getBytes(StandardCharsets.UTF_8);
        assertThat(ObservationTable.read(bom, Optional.empty()).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(check(ObservationTable.read(bom, Optional.empty()))).hasSize(3);
        assertThat(check(ObservationTable.read(CHINESE.getBytes(StandardCharsets.UTF_8), Optional.empty()))).hasSize(3);
        String tabs = "indicator\tyear\tarea\tvalue\tsource\ngrain-output\t2023\t220122\t1,234.5\t农安县统计公报\n";
        assertThat(check(ObservationTable.read(tabs.getBytes(StandardCharsets.UTF_8), Optional.empty())))
                .extracting(Observation::value).containsExactly(1234.5);
        assertThat(ObservationTable.read(CHINESE.getBytes(GBK), Optional.of("gbk")).charset().name()).isEqualTo("GB18030");
    }

    @Test
    void aTableWithBadRowsNamesEveryOneWithItsLine() {
        String table = "indicator,year,area,value,unit,source,sample\n"
                + "grain-output,2024,220182,60.81,亿元,公报,false\n"
                + "nothing,2024,220182,1,,公报,false\n"
                + "grain-output,1999,220182,1,,公报,false\n"
                + "grain-output,2024,220183,1,,公报,false\n"
                + "grain-output,2023,220182,lots,,公报,false\n"
                + "grain-output,2023,220100,12,万吨,公报,false\n"
                + "grain-output,2022,220100,12,,,false\n"
                + "grain-output,2021,220100,12,,公报,maybe\n"
                + "\n"
                + "grain-output,2024,榆树市,61,,公报,false\n";

        assertThatThrownBy(() -> check(ObservationTable.read(table.getBytes(StandardCharsets.UTF_8), Optional.empty())))
                .isInstanceOfSatisfying(InvalidRowsException.class, e -> {
                    assertThat(e.messageZh()).contains("8 行数据不对，未写入任何数据");
                    assertThat(e.rows()).extracting(RowProblem::line, RowProblem::column).containsExactly(
                            tuple(3, "indicator（指标）"), tuple(4, "year（年份）"), tuple(5, "area（区域）"),
                            tuple(6, "value（数值）"), tuple(7, "unit（单位）"), tuple(8, "source（来源）"),
                            tuple(9, "sample（示例数据）"), tuple(11, null));
                    assertThat(e.rows().get(0).messageEn()).contains("unknown indicator \"nothing\"");
                    assertThat(e.rows().get(4).messageZh()).contains("与指标").contains("不符");
                    assertThat(e.rows().get(7).messageZh()).contains("与第 2 行重复");
                });
    }

    @Test
    void refusesTablesThatAreNoTables() {
        assertRefused("指标,年份,数值\ngrain-output,2024,1\n", "表头缺少“area（区域）”列");
        assertRefused("indicator,year,area,value\n", "没有数据行");
        assertRefused("indicator,year,area,value\n\"grain-output,2024,220100,1\n", "引号不成对");
        assertRefused("indicator,year,area,value,值\ngrain-output,2024,220100,1,2\n", "出现了两次");
        byte[] utf16 = "indicator,year,area,value\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[utf16.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withMark, 2, utf16.length);
        assertThatThrownBy(() -> ObservationTable.read(withMark, Optional.empty()))
                .isInstanceOf(InvalidRowsException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> ObservationTable.read(CHINESE.getBytes(GBK), Optional.of("UTF-8")))
                .isInstanceOf(InvalidRowsException.class).hasMessageContaining("不是有效的 UTF-8");
        assertThatThrownBy(() -> ObservationTable.read(CHINESE.getBytes(GBK), Optional.of("latin1")))
                .isInstanceOf(InvalidRowsException.class).hasMessageContaining("UTF-8、GBK、GB18030");
    }

    private static void assertRefused(String table, String message) {
        assertThatThrownBy(() -> check(ObservationTable.read(table.getBytes(StandardCharsets.UTF_8), Optional.empty())))
                .isInstanceOfSatisfying(InvalidRowsException.class, e -> assertThat(e.messageZh() + " "
                        + e.rows().stream().map(RowProblem::messageZh).toList()).contains(message));
    }

    private static List<Observation> check(ObservationTable.Parsed table) {
        return new ObservationCheck(INDICATORS, AREAS).check(table.rows(), "editor", OffsetDateTime.now());
    }
}
