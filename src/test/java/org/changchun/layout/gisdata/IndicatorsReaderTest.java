package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.changchun.layout.indicators.Indicator;
import org.changchun.layout.indicators.IndicatorArea;
import org.changchun.layout.indicators.IndicatorKind;
import org.changchun.layout.indicators.Observation;
import org.changchun.layout.indicators.TargetComparator;
import org.changchun.layout.plan.CityTarget;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The plan's targets as indicators, read from the real {@code gis-data/indicators.json}, and its checks. */
class IndicatorsReaderTest {

    private final IndicatorsReader reader = new IndicatorsReader(JsonMapper.builder().build());

    /**
     * Every figure the seed article (changchun-plan-article.txt) sets as a target, with the words it
     * says it in: each must be an indicator with that target, unit and comparator, quoting those words.
     */
    @Test
    void everyTargetOfTheSeedIsAnIndicator() throws IOException {
        IndicatorsReader.Definitions definitions = shipped();

        assertThat(definitions.indicators()).extracting(Indicator::id, Indicator::city, Indicator::comparator,
                Indicator::target, Indicator::targetUnitZh).containsExactlyInAnyOrder(
                tuple("population", "city-wide", TargetComparator.MORE_THAN, 1000.0, "万人"),
                tuple("gdp", "city-wide", TargetComparator.MORE_THAN, 10000.0, "亿元"),
                tuple("car-output", "automobile", TargetComparator.AT_LEAST, 400.0, "万辆"),
                tuple("rail-car-output", "automobile", TargetComparator.AT_LEAST, 5000.0, "辆"),
                tuple("auto-industry-scale", "automobile", TargetComparator.AT_LEAST, 10000.0, "亿元（产业规模）"),
                tuple("equipment-industry-scale", "automobile", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("grain-output", "agriculture", TargetComparator.AT_LEAST, 270.0, "亿斤"),
                tuple("beef-cattle", "agriculture", TargetComparator.AT_LEAST, 300.0, "万头"),
                tuple("agri-processing-scale", "agriculture", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("good-air-days", "dual-carbon", TargetComparator.AT_LEAST, 90.0, "%"),
                tuple("green-cover", "dual-carbon", TargetComparator.AT_LEAST, 42.5, "%"),
                tuple("new-energy-scale", "dual-carbon", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("rd-spending", "sci-tech", TargetComparator.AT_LEAST, 10.0, "%/年"),
                tuple("high-tech-firms", "sci-tech", TargetComparator.AT_LEAST, 3000.0, "户"),
                tuple("graduates-staying", "sci-tech", TargetComparator.MORE_THAN, 50.0, "万人"),
                tuple("biomedicine-scale", "sci-tech", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("optoelectronics-scale", "sci-tech", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("services-share", "consumption", TargetComparator.MORE_THAN, 55.0, "%"),
                tuple("retail-sales", "consumption", TargetComparator.AT_LEAST, 3000.0, "亿元"),
                tuple("culture-tourism-scale", "culture", TargetComparator.AT_LEAST, 1000.0, "亿元（产业规模）"),
                tuple("tourism-revenue", "culture", TargetComparator.AT_LEAST, 3000.0, "亿元"));
        Map<String, String> seedWords = Map.ofEntries(Map.entry("population", "常住人口超千万"),
                Map.entry("gdp", "经济总量超万亿"), Map.entry("car-output", "汽车产量达到400万辆"),
                Map.entry("rail-car-output", "轨道客车产量达到5000辆"), Map.entry("auto-industry-scale", "1个万亿级世界级汽车产业基地"),
                Map.entry("equipment-industry-scale", "1个千亿级世界级高端装备制造基地"),
                Map.entry("grain-output", "全市粮食产量达到270亿斤"), Map.entry("beef-cattle", "肉牛生产达到300万头规模"),
                Map.entry("agri-processing-scale", "1个千亿级农产品加工产业集群"),
                Map.entry("good-air-days", "空气质量优良天数比例保持90%以上"), Map.entry("green-cover", "建成区绿化覆盖率达42.5%"),
                Map.entry("new-energy-scale", "1个千亿级新能源产业基地"), Map.entry("rd-spending", "R&D投入年均增长10%"),
                Map.entry("high-tech-firms", "高新技术企业达3000户以上"), Map.entry("graduates-staying", "累计留长就业大学生超50万人"),
                Map.entry("biomedicine-scale", "1个千亿级生物医药产业集群"), Map.entry("optoelectronics-scale", "1个千亿级光电信息产业群"),
                Map.entry("services-share", "服务业增加值占GDP比重超过55%"), Map.entry("retail-sales", "社会消费品零售总额达3000亿元"),
                Map.entry("culture-tourism-scale", "1个千亿级文化旅游产业集群"), Map.entry("tourism-revenue", "旅游业总收入达3000亿元"));
        for (Indicator indicator : definitions.indicators()) {
            assertThat(indicator.quote()).as(indicator.id()).contains(seedWords.get(indicator.id()));
            assertThat(indicator.targetYear()).as(indicator.id()).isEqualTo(2026);
            assertThat(indicator.baseSample() || indicator.baseSource() != null).as(indicator.id()).isTrue();
        }
        assertThat(kindOf(definitions, "rd-spending")).isEqualTo(IndicatorKind.GROWTH_RATE);
        assertThat(kindOf(definitions, "graduates-staying")).isEqualTo(IndicatorKind.CUMULATIVE);
        assertThat(kindOf(definitions, "services-share")).isEqualTo(IndicatorKind.SHARE);
        assertThat(kindOf(definitions, "new-energy-scale")).isEqualTo(IndicatorKind.THRESHOLD);
        assertThat(kindOf(definitions, "car-output")).isEqualTo(IndicatorKind.LEVEL);
        assertThat(definitions.indicators().stream().filter(Indicator::hold)).extracting(Indicator::id)
                .containsExactly("good-air-days");
        assertThat(definitions.cityArea()).isEqualTo(new IndicatorArea("220100", "长春市（全市）", "Changchun (whole city)",
                false));
    }

    @Test
    void theCitiesTargetsAreTheirIndicators() throws IOException {
        Map<String, List<CityTarget>> targets = CityTargets.of(shipped());

        assertThat(targets.get("automobile")).extracting(CityTarget::indicator).containsExactly("car-output",
                "rail-car-output", "auto-industry-scale", "equipment-industry-scale");
        CityTarget rd = targets.get("sci-tech").get(0);
        assertThat(rd.labelZh()).isEqualTo("全市R&D投入年均增长");
        assertThat(rd.value()).isEqualTo(10);
        assertThat(rd.unitZh()).isEqualTo("%/年");
        assertThat(targets.values().stream().mapToInt(List::size).sum()).isEqualTo(21);
    }

    @Test
    void theShippedBaselineIsSourcedOrSampleAndStartsAtTheBases() throws IOException {
        IndicatorsReader.Definitions definitions = shipped();
        List<IndicatorArea> areas = new ArrayList<>(List.of(definitions.cityArea()));
        for (String adcode : List.of("220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122",
                "220182", "220183", "220184")) {
            areas.add(new IndicatorArea(adcode, adcode, adcode, true));
        }
        List<Observation> figures = BaselineReader.read("indicator-observations.csv",
                Files.readAllBytes(Path.of("gis-data/indicator-observations.csv")), definitions.indicators(), areas);

        assertThat(figures).hasSizeGreaterThan(300).allSatisfy(f -> assertThat(f.sample() || f.source() != null)
                .as(f.key().toString()).isTrue());
        assertThat(figures).filteredOn(f -> !f.sample()).extracting(f -> f.key().toString()).containsExactlyInAnyOrder(
                "population 2020 220100", "gdp 2021 220100", "gdp 2022 220100", "gdp 2023 220100",
                "graduates-staying 2021 220100");
        assertThat(figures).filteredOn(f -> f.area().equals("220182")).extracting(Observation::sample)
                .as("every district figure is a sample").containsOnly(true);
        for (Indicator indicator : definitions.indicators()) {
            assertThat(figures).as(indicator.id()).anyMatch(f -> f.indicator().equals(indicator.id())
                    && f.year() == 2025 && f.area().equals("220100"));
        }
    }

    @Test
    void refusesDefinitionsThatCannotBeMeasured() {
        assertProblem(one("\"kind\": \"level\"", "\"kind\": \"ratio\""), "has kind \"ratio\"");
        assertProblem(one("\"comparator\": \">=\"", "\"comparator\": \"=\""), "has comparator \"=\"");
        assertProblem(one("\"sample\": true", "\"source\": \"公报\", \"sample\": true"), "needs either \"source\"");
        assertProblem(one("\"sample\": true", "\"sample\": true, \"estimate\": 1"), "unknown member(s) [estimate]");
        assertProblem(one(", \"sample\": true", ""), "needs either \"source\"");
        assertProblem(one("\"year\": 2021", "\"year\": 2026"), "the target year must come after the base year");
        assertProblem(one("\"id\": \"car-output\"", "\"id\": \"Car Output\""), "has id \"Car Output\"");
    }

    private void assertProblem(String json, String expected) {
        assertThatThrownBy(() -> reader.read("indicators.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GisDataException.class).hasMessageStartingWith("gis-data/indicators.json: ")
                .hasMessageContaining(expected);
    }

    private static String one(String replaced, String by) {
        return """
                {"plan": {"target_year": 2026, "year_basis_zh": "今后五年", "year_basis_en": "five years",
                          "city_area": {"adcode": "220100", "name_zh": "长春市", "name_en": "Changchun"}},
                 "indicators": [{"id": "car-output", "city": "automobile", "label_zh": "汽车产量", "label_en": "Car output",
                   "kind": "level", "comparator": ">=", "target": 400, "unit_zh": "万辆", "unit_en": "10,000 vehicles",
                   "base": {"year": 2021, "value": 242.1, "sample": true}, "quote": "汽车产量达到400万辆"}]}"""
                .replace(replaced, by);
    }

    private IndicatorsReader.Definitions shipped() throws IOException {
        return reader.read("indicators.json", Files.readAllBytes(Path.of("gis-data/indicators.json")));
    }

    private static IndicatorKind kindOf(IndicatorsReader.Definitions definitions, String id) {
        return definitions.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().kind();
    }
}
