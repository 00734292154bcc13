package org.changchun.layout.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.changchun.layout.support.Gdal;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Plan monitoring over HTTP with the shipped indicators and baseline: reading statuses, figures and
 * the district collection anonymously; recording figures as an editor (JSON, CSV in GBK and UTF-8,
 * one at a time), with dry runs, all-or-nothing tables and the audit trail. Run on each store by the
 * subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=editor",
    "plan.security.users[0].password={noop}editor-secret",
    "plan.security.users[0].roles=EDITOR",
    "plan.security.users[1].name=reader",
    "plan.security.users[1].password={noop}reader-secret",
    "plan.security.users[1].roles=READER",
    "plan.security.users[2].name=admin",
    "plan.security.users[2].password={noop}admin-secret",
    "plan.security.users[2].roles=ADMIN"})
abstract class IndicatorApiTest {

    private static final String EDITOR = Http.basic("editor", "editor-secret");
    private static final String READER = Http.basic("reader", "reader-secret");
    private static final String ADMIN = Http.basic("admin", "admin-secret");
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void everyTargetHasAStatusTheRuleAndItsSampleFlag() {
        JsonNode list = ok("/api/indicators");
        JsonNode indicators = list.get("indicators");
        assertThat(indicators).hasSize(21);
        JsonNode counts = list.get("counts");
        assertThat(counts.get("met").asInt() + counts.get("on_track").asInt() + counts.get("at_risk").asInt()
                + counts.get("lagging").asInt() + counts.get("no_data").asInt()).isEqualTo(21);
        assertThat(texts(list.get("cities"), "city")).containsExactly("city-wide", "automobile", "agriculture",
                "dual-carbon", "sci-tech", "consumption", "culture");
        assertThat(list.get("rule_zh").asString()).contains("预警", "滞后", "5%");

        JsonNode population = find(indicators, "population");
        assertThat(population.get("base_year").asInt()).isEqualTo(2020);
        assertThat(population.get("base_sample").asBoolean()).isFalse();
        assertThat(population.get("base_source").asString()).contains("第七次全国人口普查");
        assertThat(population.get("sample").asBoolean()).as("its latest figure is a sample").isTrue();
        JsonNode greenCover = find(indicators, "green-cover");
        assertThat(greenCover.get("status").asString()).isEqualTo("met");
        assertThat(greenCover.get("status_zh").asString()).isEqualTo("已达成");
        JsonNode rd = find(indicators, "rd-spending");
        assertThat(rd.get("rule").asString()).isEqualTo("compound");
        assertThat(rd.get("target_unit_zh").asString()).isEqualTo("%/年");
        assertThat(rd.get("achieved_rate").asDouble()).isBetween(5.0, 15.0);
        assertThat(rd.has("trajectory_value") && rd.has("gap")).isTrue();
        for (JsonNode indicator : indicators) {
            assertThat(indicator.get("status").asString()).isIn("met", "on_track", "at_risk", "lagging", "no_data");
            assertThat(indicator.get("rule_zh").asString()).isNotBlank();
        }
    }

    @Test
    void narrowsByCityAndStatusAndAnswersATable() {
        assertThat(ids(ok("/api/indicators?city=agriculture"))).containsExactly("grain-output", "beef-cattle",
                "agri-processing-scale");
        assertThat(ids(ok("/api/cities/agriculture/indicators"))).containsExactly("grain-output", "beef-cattle",
                "agri-processing-scale");
        assertThat(ids(ok("/api/indicators?city=city-wide"))).containsExactly("population", "gdp");
        JsonNode lagging = ok("/api/indicators?status=lagging").get("indicators");
        assertThat(lagging).isNotEmpty().allSatisfy(i -> assertThat(i.get("status").asString()).isEqualTo("lagging"));
        assertThat(http.get("/api/indicators?city=nowhere").status()).isEqualTo(400);
        assertThat(http.get("/api/indicators?status=behind").json().get("message_en").asString())
                .contains("met, on_track, at_risk, lagging, no_data");
        assertThat(http.get("/api/cities/nowhere/indicators").status()).isEqualTo(404);

        Http.Response csv = http.get("/api/indicators?format=csv&city=city-wide");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFid,city,city_name_zh,label_zh");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("population,city-wide,全市,常住人口").endsWith("示例数据 / sample");
    }

    @Test
    void oneIndicatorHasItsPathAndTheFiguresOfTheCityAndItsDistricts() {
        JsonNode grain = ok("/api/indicators/grain-output");
        assertThat(grain.get("indicator").get("label_zh").asString()).isEqualTo("全市粮食产量");
        JsonNode path = grain.get("trajectory");
        assertThat(path).hasSize(6);
        assertThat(path.get(0).get("year").asInt()).isEqualTo(2021);
        assertThat(path.get(5).get("value").asDouble()).isEqualTo(270.0);
        JsonNode series = grain.get("series");
        assertThat(series.get(0).get("area").asString()).isEqualTo("220100");
        assertThat(series.get(0).get("district").asBoolean()).isFalse();
        assertThat(texts(series, "name_zh")).contains("榆树市", "农安县").hasSize(12);
        assertThat(series.get(1).get("figures").get(0).get("sample").asBoolean()).isTrue();
        assertThat(series.get(1).get("figures").get(0).has("status")).as("districts have no targets").isFalse();
        assertThat(http.get("/api/indicators/nothing").status()).isEqualTo(404);

        JsonNode beef = ok("/api/indicators/beef-cattle");
        assertThat(texts(beef.get("series").get(0).get("figures"), "status")).as("how the herd fell behind, year by year")
                .containsExactly("on_track", "at_risk", "at_risk", "at_risk", "lagging");
        assertThat(beef.get("indicator").get("latest").get("status").asString())
                .isEqualTo(beef.get("indicator").get("status").asString());
    }

    @Test
    void writesNeedAnEditorAndEveryWriteIsAudited() {
        String body = "{\"observations\": [{\"indicator\": \"beef-cattle\", \"year\": 2025, \"area\": \"220122\", "
                + "\"value\": 61.5, \"source\": \"农安县2025年统计公报\"}]}";
        assertThat(http.send("POST", "/api/indicators/observations", body, JSON).status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/indicators/observations", body, JSON, "Authorization", READER).status())
                .isEqualTo(403);
        assertThat(http.send("DELETE", "/api/indicators/beef-cattle/observations/2025/220122", null, null).status())
                .isEqualTo(401);
        Http.Response written = http.send("POST", "/api/indicators/observations", body, JSON, "Authorization", EDITOR);
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.json().get("updated").asInt()).isEqualTo(1);

        List<String> events = new ArrayList<>();
        http.send("GET", "/api/admin/audit?limit=100", null, null, "Authorization", ADMIN).json().forEach(e -> events.add(
                (e.has("actor") ? e.get("actor").asString() : "-") + " " + e.get("method").asString() + " "
                        + e.get("path").asString() + " " + e.get("status").asInt() + " "
                        + (e.has("detail") ? e.get("detail").asString() : "")));
        assertThat(events).contains("- POST /api/indicators/observations 401 ",
                "reader POST /api/indicators/observations 403 ",
                "- DELETE /api/indicators/beef-cattle/observations/2025/220122 401 ");
        assertThat(events).anyMatch(e -> e.startsWith("editor POST /api/indicators/observations 200 ")
                && e.contains("beef-cattle 2025 220122 = 61.5"));
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndWritesNothingThenTheWriteMovesTheStatusAndTheDistrictLayer() {
        JsonNode before = find(ok("/api/indicators").get("indicators"), "car-output");
        assertThat(before.get("status").asString()).isNotEqualTo("met");
        long layerVersion = ok("/api/layers/district-indicators").get("data_version").asLong();
        String body = "{\"observations\": [{\"indicator\": \"car-output\", \"year\": 2025, \"area\": \"全市\", "
                + "\"value\": 405, \"unit\": \"万辆\", \"source\": \"长春市2025年国民经济和社会发展统计公报\"}, "
                + "{\"indicator\": \"全市粮食产量\", \"year\": 2025, \"area\": \"榆树市\", \"value\": \"64.2\", "
                + "\"sample\": true}]}";

        JsonNode dryRun = write("POST", "/api/indicators/observations?dryRun=true", body, JSON).json();
        assertThat(dryRun.get("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.get("updated").asInt()).isEqualTo(2);
        JsonNode cars = dryRun.get("changes").get(0);
        assertThat(cars.get("action").asString()).isEqualTo("update");
        assertThat(cars.get("area").asString()).isEqualTo("220100");
        assertThat(cars.get("previous_value").asDouble()).isEqualTo(before.get("latest").get("value").asDouble());
        assertThat(cars.get("previous_sample").asBoolean()).isTrue();
        assertThat(find(ok("/api/indicators").get("indicators"), "car-output").get("latest").get("value").asDouble())
                .as("a dry run writes nothing").isEqualTo(before.get("latest").get("value").asDouble());

        JsonNode written = write("POST", "/api/indicators/observations", body, JSON).json();
        assertThat(written.get("dry_run").asBoolean()).isFalse();
        JsonNode after = find(ok("/api/indicators").get("indicators"), "car-output");
        assertThat(after.get("status").asString()).isEqualTo("met");
        assertThat(after.get("latest").get("source").asString()).contains("2025年国民经济");
        assertThat(after.get("sample").asBoolean()).as("the base is still a sample").isTrue();
        assertThat(ok("/api/layers/district-indicators").get("data_version").asLong()).isGreaterThan(layerVersion);
        JsonNode yushu = ok("/ogc/collections/district-indicators/items/220182");
        assertThat(yushu.get("properties").get("grain_output").asDouble()).isEqualTo(64.2);
        assertThat(yushu.get("properties").get("grain_output_year").asInt()).isEqualTo(2025);
        assertThat(yushu.get("properties").get("grain_output_sample").asBoolean()).isTrue();
        JsonNode filtered = ok("/ogc/collections/district-indicators/items?filter="
                + java.net.URLEncoder.encode("grain_output > 64", StandardCharsets.UTF_8));
        assertThat(texts(filtered.get("features"), "id")).containsExactly("220182");

        assertThat(write("POST", "/api/indicators/observations", body, JSON).json().get("unchanged").asInt())
                .as("the same figures again change nothing").isEqualTo(2);
    }

    @Test
    void uploadsExcelTablesInGbkAndUtf8WithChineseHeaders() {
        String table = "指标,年份,区域,数值,单位,来源,示例数据\r\n"
                + "社会消费品零售总额,2024,朝阳区,410.5,亿元,朝阳区2024年统计公报,否\r\n"
                + "retail-sales,2024,南关区,300.25,亿元,南关区2024年统计公报,否\r\n";
        Http.Response gbkDryRun = http.upload("/api/indicators/observations", "零售.csv",
                table.getBytes(Charset.forName("GBK")), Map.of("dryRun", "true"), "Authorization", EDITOR);
        assertThat(gbkDryRun.status()).as(gbkDryRun.body()).isEqualTo(200);
        assertThat(gbkDryRun.json().get("encoding").asString()).isEqualTo("GB18030");
        assertThat(gbkDryRun.json().get("updated").asInt()).isEqualTo(2);
        assertThat(figure("retail-sales", "220104", 2024).get("value").asDouble()).isNotEqualTo(410.5);

        Http.Response gbk = http.upload("/api/indicators/observations", "零售.csv",
                table.getBytes(Charset.forName("GBK")), Map.of(), "Authorization", EDITOR);
        assertThat(gbk.status()).isEqualTo(200);
        assertThat(figure("retail-sales", "220104", 2024).get("value").asDouble()).isEqualTo(410.5);
        assertThat(figure("retail-sales", "220104", 2024).get("recorded_by").asString()).isEqualTo("editor");

        byte[] utf8 = ("\uFEFF" + table.replace("410.5", "411.5")).getBytes(StandardCharsets.UTF_8);
        Http.Response fromUtf8 = http.upload("/api/indicators/observations", "零售.csv", utf8, Map.of(),
                "Authorization", EDITOR);
        assertThat(fromUtf8.json().get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(fromUtf8.json().get("updated").asInt()).isEqualTo(1);
        assertThat(fromUtf8.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(figure("retail-sales", "220104", 2024).get("value").asDouble()).isEqualTo(411.5);
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndNamesEveryBadRow() {
        double tourism = figure("tourism-revenue", "220100", 2025).get("value").asDouble();
        String table = "indicator,year,area,value,unit,source,sample\n"
                + "tourism-revenue,2025,220100,2700,亿元,长春市2025年统计公报,false\n"
                + "tourism-revenue,2025,220199,10,亿元,公报,false\n"
                + "tourism-revenue,2101,220100,10,亿元,公报,false\n"
                + "tourism-revenue,2024,220100,many,亿元,公报,false\n"
                + "tourism-revenue,2023,220100,10,万人,公报,false\n"
                + "no-such-indicator,2023,220100,10,,公报,false\n"
                + "tourism-revenue,2025,220100,2701,亿元,公报,false\n";
        Http.Response refused = http.upload("/api/indicators/observations", "bad.csv",
                table.getBytes(StandardCharsets.UTF_8), Map.of(), "Authorization", EDITOR);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<Integer> lines = new ArrayList<>();
        refused.json().get("rows").forEach(row -> lines.add(row.get("line").asInt()));
        assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(refused.json().get("message_zh").asString()).contains("未写入任何数据");
        assertThat(figure("tourism-revenue", "220100", 2025).get("value").asDouble()).as("nothing written")
                .isEqualTo(tourism);

        Http.Response json = write("POST", "/api/indicators/observations", "{\"observations\": [{\"indicator\": "
                + "\"tourism-revenue\", \"year\": 2025, \"area\": \"220100\", \"value\": 2700, \"source\": \"公报\"}, "
                + "{\"indicator\": \"tourism-revenue\", \"year\": \"x\", \"area\": \"220100\", \"value\": 1}]}", JSON);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("rows").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(figure("tourism-revenue", "220100", 2025).get("value").asDouble()).isEqualTo(tourism);
    }

    @Test
    void oneFigureIsRecordedCorrectedAndRemovedAtItsOwnAddress() {
        String path = "/api/indicators/high-tech-firms/observations/2024/220104";
        Http.Response created = write("PUT", path, "{\"value\": 410, \"source\": \"朝阳区科技局（2024年）\"}", JSON);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("area_name_zh").asString()).isEqualTo("朝阳区");
        assertThat(created.json().get("unit_zh").asString()).isEqualTo("户");
        Http.Response corrected = write("PUT", "/api/indicators/high-tech-firms/observations/2024/朝阳区",
                "{\"value\": 412, \"sample\": true}", JSON);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("area").asString()).isEqualTo("220104");
        assertThat(corrected.json().get("sample").asBoolean()).isTrue();
        assertThat(write("PUT", path, "{\"value\": 1, \"unit\": \"家\"}", JSON).status()).isEqualTo(400);
        assertThat(write("PUT", "/api/indicators/high-tech-firms/observations/1999/220104", "{\"value\": 1}", JSON)
                .status()).isEqualTo(400);
        assertThat(write("PUT", "/api/indicators/nothing/observations/2024/220104", "{\"value\": 1}", JSON).status())
                .isEqualTo(404);
        assertThat(ok("/ogc/collections/district-indicators/items/220104").get("properties")
                .get("high_tech_firms").asDouble()).isEqualTo(412);

        assertThat(write("DELETE", path, null, null).status()).isEqualTo(204);
        assertThat(write("DELETE", path, null, null).status()).isEqualTo(404);
    }

    @Test
    void theDistrictCollectionIsAnOgcCollectionGdalReads(@TempDir Path folder) throws Exception {
        JsonNode layer = ok("/api/layers/district-indicators");
        assertThat(layer.get("kind").asString()).isEqualTo("derived");
        assertThat(layer.get("feature_count").asInt()).isEqualTo(11);
        JsonNode queryables = ok("/ogc/collections/district-indicators/queryables").get("properties");
        assertThat(queryables.get("grain_output").get("title").asString()).contains("全市粮食产量（亿斤）");
        assertThat(queryables.has("grain_output_sample")).isTrue();
        assertThat(http.send("POST", "/api/layers/district-indicators/versions/1/restore", null, null,
                "Authorization", EDITOR).status()).as("derived layers are not restored").isEqualTo(409);

        String service = "OAPIF:" + http.base() + "/ogc";
        String info = Gdal.run("ogrinfo", "-ro", "-so", service, "district-indicators");
        assertThat(info).contains("Feature Count: 11", "Multi Polygon", "grain_output: Real", "grain_output_year: Integer",
                "population: Real", "gdp_sample: Integer(Boolean)");
        Path copy = folder.resolve("districts.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", copy.toString(), service, "district-indicators");
        assertThat(Gdal.run("ogrinfo", "-ro", "-q", copy.toString(), "-sql",
                "SELECT name_zh FROM \"district-indicators\" WHERE grain_output > 50 ORDER BY grain_output DESC"))
                .contains("榆树市");
        assertThat(Files.size(copy)).isPositive();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode figure(String indicator, String area, int year) {
        for (JsonNode figure : ok("/api/indicators/observations?indicator=" + indicator + "&area=" + area)) {
            if (figure.get("year").asInt() == year) {
                return figure;
            }
        }
        throw new AssertionError("no figure of " + indicator + " " + year + " " + area);
    }

    private Http.Response write(String method, String path, String body, String contentType) {
        return http.send(method, path, body, contentType, "Authorization", EDITOR);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode find(JsonNode indicators, String id) {
        for (JsonNode indicator : indicators) {
            if (indicator.get("id").asString().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    private static List<String> ids(JsonNode list) {
        return texts(list.get("indicators"), "id");
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(member).asString()));
        return texts;
    }
}
