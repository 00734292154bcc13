package org.changchun.layout.gisdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every place the seed article (seed/changchun-plan-article.txt) names and gives a location for is
 * on the map: a feature of a layer of {@code gis-data/}, read as the service reads it, in the city
 * that names it. The list below is the seed's, in its order; a place missing from the layers, or
 * left out of its city, fails here. Places the seed names without any location (长春现代化都市圈,
 * 世界级行走工业走廊, the 人才谷 support mechanism) are listed in gis-data/README.md as not drawn.
 */
class SeedPlacesTest {

    /**
     * @param seed    the seed's own words for the place
     * @param name    what the feature's Chinese name contains
     * @param city    the city whose paragraph names it; null for the article's general parts
     */
    record SeedPlace(String seed, String layer, String feature, String name, String city) {

        @Override
        public String toString() {
            return seed + " → " + layer + "/" + feature;
        }
    }

    static final List<SeedPlace> PLACES = List.of(
            // 以“四大板块”“两大基地”为依托; the captions' 净月高新区 and 长春高新区
            new SeedPlace("净月高新区", "dev-zones", "jingyue", "净月", null),
            new SeedPlace("长春高新区", "dev-zones", "gaoxin", "高新", null),
            // the photo captions: 生态大街连片发展的项目集群 (净月高新区), 长春公园里郁金香
            new SeedPlace("生态大街", "sites", "shengtai-street", "生态大街", null),
            new SeedPlace("长春公园", "sites", "changchun-park", "长春公园", null),
            // 建设国际汽车城
            new SeedPlace("环长春四辽吉松工业走廊", "regional-corridors", "siliao-jisong-ring", "四辽吉松", "automobile"),
            new SeedPlace("一汽", "sites", "faw", "一汽", "automobile"),
            new SeedPlace("汽开区", "dev-zones", "qikai", "汽开区", "automobile"),
            new SeedPlace("朝阳", "districts", "220104", "朝阳", "automobile"),
            new SeedPlace("绿园", "districts", "220106", "绿园", "automobile"),
            new SeedPlace("宽城", "districts", "220103", "宽城", "automobile"),
            new SeedPlace("公主岭", "districts", "220184", "公主岭", "automobile"),
            // 建设现代农业城
            new SeedPlace("全省中西部粮食安全产业带", "regional-zones", "central-west-grain-belt", "中西部粮食安全产业带",
                    "agriculture"),
            new SeedPlace("公主岭国家农业高新技术产业示范区", "dev-zones", "gongzhuling-agri-hitech", "公主岭国家农业高新技术",
                    "agriculture"),
            new SeedPlace("榆树", "districts", "220182", "榆树", "agriculture"),
            new SeedPlace("农安", "districts", "220122", "农安", "agriculture"),
            new SeedPlace("德惠", "districts", "220183", "德惠", "agriculture"),
            new SeedPlace("长春西部粮食安全产业带", "agri-belts", "west", "西部粮食安全产业带", "agriculture"),
            new SeedPlace("九台", "districts", "220113", "九台", "agriculture"),
            new SeedPlace("双阳", "districts", "220112", "双阳", "agriculture"),
            new SeedPlace("长春东部特色农业产业带", "agri-belts", "east", "东部特色农业产业带", "agriculture"),
            // 建设“双碳”示范区
            new SeedPlace("全省西部国家级清洁能源基地", "regional-zones", "west-clean-energy-base", "清洁能源基地", "dual-carbon"),
            new SeedPlace("中韩示范区", "dev-zones", "sino-korea-zone", "中韩", "dual-carbon"),
            new SeedPlace("德惠米沙子镇", "dev-zones", "mishazi", "米沙子", "dual-carbon"),
            new SeedPlace("九台", "districts", "220113", "九台", "dual-carbon"),
            new SeedPlace("双阳", "districts", "220112", "双阳", "dual-carbon"),
            new SeedPlace("莲花山", "dev-zones", "lianhuashan", "莲花山", "dual-carbon"),
            new SeedPlace("净月", "dev-zones", "jingyue", "净月", "dual-carbon"),
            // 建设科技创新城
            new SeedPlace("长春新区", "dev-zones", "changchun-new-area", "长春新区", "sci-tech"),
            new SeedPlace("经开区", "dev-zones", "jingkai", "经开区", "sci-tech"),
            new SeedPlace("北湖", "dev-zones", "beihu", "北湖", "sci-tech"),
            new SeedPlace("经开", "dev-zones", "jingkai", "经开区", "sci-tech"),
            new SeedPlace("高新三片区", "dev-zones", "gaoxin", "高新", "sci-tech"),
            new SeedPlace("科创大走廊", "corridors", "sci-tech-corridor", "科创大走廊", "sci-tech"),
            new SeedPlace("光谷", "sites", "guang-gu", "光谷", "sci-tech"),
            new SeedPlace("药谷", "sites", "yao-gu", "药谷", "sci-tech"),
            new SeedPlace("车谷", "sites", "che-gu", "车谷", "sci-tech"),
            new SeedPlace("农谷", "sites", "nong-gu", "农谷", "sci-tech"),
            new SeedPlace("数谷", "sites", "shu-gu", "数谷", "sci-tech"),
            // 建设新兴消费城
            new SeedPlace("长白通(丹)", "regional-corridors", "chang-bai-tong-dan", "长白通(丹)", "consumption"),
            new SeedPlace("长吉珲大通道", "regional-corridors", "chang-ji-hun", "长吉珲", "consumption"),
            new SeedPlace("兴隆综保区", "dev-zones", "xinglong-bonded", "兴隆综保区", "consumption"),
            new SeedPlace("中韩示范区", "dev-zones", "sino-korea-zone", "中韩", "consumption"),
            new SeedPlace("临空经济示范区", "dev-zones", "airport-economy", "临空经济示范区", "consumption"),
            new SeedPlace("北方美谷", "sites", "northern-beauty-valley", "北方美谷", "consumption"),
            new SeedPlace("朝阳", "districts", "220104", "朝阳", "consumption"),
            new SeedPlace("南关", "districts", "220102", "南关", "consumption"),
            new SeedPlace("宽城", "districts", "220103", "宽城", "consumption"),
            new SeedPlace("二道", "districts", "220105", "二道", "consumption"),
            new SeedPlace("绿园", "districts", "220106", "绿园", "consumption"),
            new SeedPlace("城市东北到西南新型消费带", "corridors", "consumption-belt", "消费带", "consumption"),
            // 建设文化创意城
            new SeedPlace("全省东西部旅游大环线", "regional-corridors", "east-west-tourism-loop", "东西部旅游大环线", "culture"),
            new SeedPlace("净月", "dev-zones", "jingyue", "净月", "culture"),
            new SeedPlace("莲花山", "dev-zones", "lianhuashan", "莲花山", "culture"),
            new SeedPlace("双阳", "districts", "220112", "双阳", "culture"),
            new SeedPlace("长拖", "sites", "changtuo", "长拖", "culture"),
            new SeedPlace("长客", "sites", "changke", "长客", "culture"));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GIS_DATA = Path.of("gis-data");

    private static LayerManifest manifest;
    private static Map<String, Map<String, Feature>> layers;
    private static Map<String, City> cities;

    @BeforeAll
    static void readGisDataAsTheServiceDoes() throws IOException {
        manifest = LayerManifest.parse(JSON, Files.readAllBytes(GIS_DATA.resolve(LayerManifest.FILE)));
        GeoJsonLayerReader reader = new GeoJsonLayerReader(JSON);
        layers = new LinkedHashMap<>();
        for (LayerManifest.Entry entry : manifest.layers()) {
            layers.put(entry.spec().id(), reader.read(entry.file(), Files.readAllBytes(GIS_DATA.resolve(entry.file())),
                    entry.spec().fields()).stream().collect(Collectors.toMap(Feature::id, Function.identity())));
        }
        cities = new CitiesReader(JSON).read(manifest.citiesFile(),
                Files.readAllBytes(GIS_DATA.resolve(manifest.citiesFile())), layers, Map.of()).stream()
                .collect(Collectors.toMap(City::id, Function.identity()));
    }

    static Stream<SeedPlace> places() {
        return PLACES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void everyPlaceTheSeedLocatesIsAFeatureOfALayer(SeedPlace place) {
        Map<String, Feature> features = layers.get(place.layer());
        assertThat(features).as("layer %s", place.layer()).isNotNull();
        Feature feature = features.get(place.feature());
        assertThat(feature).as("%s: feature %s/%s", place.seed(), place.layer(), place.feature()).isNotNull();
        assertThat(feature.text("name_zh")).contains(place.name());
        assertThat(feature.geometry().isEmpty()).isFalse();
        assertThat(feature.text("accuracy")).as("what is not official says so")
                .isIn("schematic", "generalised", "derived");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void everyPlaceIsAMemberOfTheCityThatNamesIt(SeedPlace place) {
        if (place.city() == null) {
            return;
        }
        assertThat(cities.get(place.city()).spatialMembers()
                .map(member -> member.layer() + "/" + member.feature()))
                .contains(place.layer() + "/" + place.feature());
    }

    @Test
    void noPlaceTheSeedNamesIsLeftWithoutGeometry() {
        assertThat(cities.values().stream().flatMap(city -> city.members().stream()).filter(m -> !m.isSpatial())
                .map(CityMember::nameZh)).as("the members drawn on no layer").isEmpty();
    }

    @Test
    void theConsumptionAreasAreTheGroupsOfTheirMembers() {
        assertThat(cities.get("consumption").members().stream().map(CityMember::groupZh))
                .contains("国际消费区", "中心消费区", "新型消费带");
    }

    @Test
    void theProvincialPlacesAreContextNotAreasFeaturesAreLinkedTo() {
        Map<String, LayerKind> kinds = manifest.layers().stream()
                .collect(Collectors.toMap(entry -> entry.spec().id(), entry -> entry.spec().kind()));
        assertThat(kinds).containsEntry("sites", LayerKind.CONTEXT).containsEntry("regional-zones", LayerKind.CONTEXT)
                .containsEntry("regional-corridors", LayerKind.CONTEXT).containsEntry("corridors", LayerKind.PLAN_AREA);
        assertThat(layers.get("sites").values()).allMatch(f -> f.geometry().getGeometryType().equals("Point"));
        assertThat(layers.get("regional-corridors").values())
                .allMatch(f -> f.geometry().getGeometryType().equals("MultiLineString"));
    }
}
