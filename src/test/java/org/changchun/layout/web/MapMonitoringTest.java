package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The monitoring panel (指标监测) as a planner uses it: which city is behind, each indicator's status in
 * colour and in words with its progress and sample label, one indicator's chart and district map; and
 * an editor checking and writing a table of figures from Excel (GBK).
 */
class MapMonitoringTest extends BrowserTest {

    @TempDir
    Path temp;

    @Test
    void aPlannerSeesWhereEachTargetStandsItsTrendAndItsDistricts() {
        browser.reset();
        browser.open("/?tab=monitoring");
        browser.waitFor(".indicator");

        assertThat(browser.all(".indicator")).hasSize(21);
        assertThat(browser.texts(".monitor-city-name")).containsExactly("全部指标", "全市", "国际汽车城", "现代农业城",
                "“双碳”示范区", "科技创新城", "新兴消费城", "文化创意城");
        assertThat(browser.texts(".indicator .status-badge")).contains("已达成", "正常", "预警", "滞后");
        assertThat(browser.all(".monitor-city .status-bar-part")).isNotEmpty();
        assertThat(browser.find(".indicator[data-indicator='population'] .indicator-source").getText()).contains("示例数据");
        assertThat(browser.find(".indicator[data-indicator='population'] .indicator-figures").getText())
                .contains("2025年", "万人", "目标 > 1,000 万人（2026年）", "轨迹值");
        WebElement bar = browser.find(".indicator[data-indicator='green-cover'] .progress-bar");
        assertThat(bar.getCssValue("background-color")).isEqualTo("rgba(30, 111, 62, 1)");
        assertThat(bar.getSize().getWidth()).isPositive();

        browser.find(".monitor-city[data-monitor='agriculture']").click();
        browser.waitUntil("the agriculture city's indicators", () -> browser.all(".indicator").size() == 3);
        browser.find(".indicator[data-indicator='grain-output'] .indicator-head").click();
        browser.waitUntil("the chart drawn", () -> Boolean.TRUE.equals(browser.script(
                "const c = document.querySelector('#indicator-chart'); return !!c && !!window.Chart && !!Chart.getChart(c);")));
        browser.waitUntil("the districts coloured", () -> browser.all("path.choropleth-district").size() == 11);
        Set<String> fills = new HashSet<>();
        browser.all("path.choropleth-district").forEach(path -> fills.add(path.getAttribute("fill")));
        assertThat(fills).as("the districts' classes").hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.find(".choropleth-legend").getText()).contains("全市粮食产量", "亿斤", "示例数据", "分位数");
        assertThat(browser.all(".choropleth-legend li")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.find(".indicator-details").getText()).contains("线性轨迹", "规划原文", "榆树市");
        assertThat(browser.driver().getCurrentUrl()).contains("monitor=agriculture").contains("indicator=grain-output");
        browser.screenshot("monitoring-01-grain");

        browser.find(".indicator-details [data-action='map']").click();
        browser.waitUntil("the district map hidden", () -> browser.all("path.choropleth-district").isEmpty());
        browser.find("#lang-toggle").click();
        browser.waitUntil("in English", () -> browser.texts(".indicator .status-badge").contains("on track"));
        assertThat(browser.find(".indicator[data-indicator='grain-output'] .indicator-source").getText()).contains("sample");

        browser.find("#tab-cities").click();
        browser.reset();
        browser.open("/?tab=monitoring&monitor=agriculture&indicator=beef-cattle");
        browser.waitUntil("a link reopens the indicator and its map", () -> browser.all("path.choropleth-district").size() == 11);
        assertThat(browser.all(".indicator")).hasSize(3);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aPlannerListsTheTargetsThatLagInEveryCityOrInOne() {
        browser.reset();
        browser.open("/?tab=monitoring&indicator=grain-output");
        browser.waitFor(".indicator-details");

        browser.find(".status-filter[data-status-filter='lagging']").click();
        browser.waitUntil("only lagging targets listed", () -> browser.all(".indicator").stream()
                .allMatch(i -> "lagging".equals(i.getAttribute("data-status"))));
        assertThat(browser.all(".indicator")).extracting(i -> i.getAttribute("data-indicator"))
                .contains("population", "gdp", "beef-cattle").doesNotContain("grain-output");
        assertThat(browser.find(".status-filter[data-status-filter='lagging']").getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.driver().getCurrentUrl()).as("the on-track grain target is closed with its map")
                .contains("status=lagging").doesNotContain("indicator=");
        assertThat(browser.all("path.choropleth-district")).isEmpty();

        browser.find(".monitor-city[data-monitor='agriculture']").click();
        browser.waitUntil("the agriculture city's lagging target", () -> browser.all(".indicator").size() == 1);
        assertThat(browser.find(".indicator").getAttribute("data-indicator")).isEqualTo("beef-cattle");
        browser.find(".indicator[data-indicator='beef-cattle'] .indicator-head").click();
        browser.waitFor(".status-history");
        assertThat(browser.texts(".status-history .status-year")).as("how it fell behind, year by year")
                .containsExactly("2021 正常", "2022 预警", "2023 预警", "2024 预警", "2025 滞后");
        browser.find(".status-filter[data-status-filter='no_data']").click();
        browser.waitUntil("none without data", () -> browser.all(".indicator").isEmpty());
        assertThat(browser.find(".indicator-list").getText()).contains("没有该状态的指标");

        browser.reset();
        browser.open("/?tab=monitoring&monitor=agriculture&status=on_track");
        browser.waitFor(".indicator");
        assertThat(browser.all(".indicator")).extracting(i -> i.getAttribute("data-indicator"))
                .containsExactlyInAnyOrder("grain-output", "agri-processing-scale");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anEditorChecksThenWritesATableSavedByExcel() throws IOException {
        Path table = temp.resolve("零售额.csv");
        Files.write(table, ("指标,年份,区域,数值,单位,来源,示例数据\r\n"
                + "社会消费品零售总额,2025,全市,2650,亿元,长春市2025年国民经济和社会发展统计公报,否\r\n")
                .getBytes(Charset.forName("GBK")));
        browser.reset();
        browser.open("/?tab=imports");
        browser.find(".signin-form input[name='name']").sendKeys(EDITOR);
        browser.find(".signin-form input[name='password']").sendKeys(EDITOR_PASSWORD);
        browser.find(".signin-form button[type='submit']").click();
        browser.waitFor(".import-form:not([hidden])");

        browser.find("#tab-monitoring").click();
        browser.waitFor(".figures-form input[name='file']").sendKeys(table.toAbsolutePath().toString());
        browser.find(".figures-form button[data-mode='check']").click();
        browser.waitUntil("the dry run's report", () -> browser.find(".figures-report").getText().contains("试运行"));
        assertThat(browser.find(".figures-report").getText()).contains("更新 1", "retail-sales 2025 220100");
        assertThat(browser.find(".indicator[data-indicator='retail-sales'] .indicator-figures").getText())
                .as("a dry run writes nothing").doesNotContain("2,650");

        browser.find(".figures-form button[data-action='write']").click();
        browser.waitUntil("written", () -> browser.find(".figures-report").getText().contains("已写入"));
        browser.waitUntil("the list shows the new figure", () -> browser.find(
                ".indicator[data-indicator='retail-sales'] .indicator-figures").getText().contains("2,650"));
        assertThat(browser.find(".indicator[data-indicator='retail-sales'] .indicator-source").getText())
                .contains("长春市2025年国民经济和社会发展统计公报").contains("示例数据");
        List<String> errors = browser.errors();
        assertThat(errors).isEmpty();
    }
}
