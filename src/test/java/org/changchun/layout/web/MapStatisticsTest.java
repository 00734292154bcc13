package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * A planner opens the 统计 panel: a chart, a table and a district choropleth with its legend; prints the map
 * to PDF; and the layer panel shows the colours of the one plan style.
 */
class MapStatisticsTest extends BrowserTest {

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void statisticsByDistrictDrawAChoroplethWithItsLegend() {
        browser.open("/?tab=statistics");
        browser.waitUntil("a row per district", () -> browser.all(".statistics-table tbody tr").size() == 11);
        browser.waitUntil("the choropleth", () -> !browser.all("path.statistics-choropleth").isEmpty());
        assertThat(browser.all("path.statistics-choropleth")).hasSize(11);
        assertThat(browser.all(".choropleth-legend li")).isNotEmpty();
        assertThat(browser.find(".statistics-result").getText()).contains("示例数据");

        new Select(browser.find(".statistics-form select[name='classes']")).selectByValue("natural");
        new Select(browser.find(".statistics-form select[name='measure']")).selectByValue("investment");
        browser.waitUntil("the investment column", () -> browser.find(".statistics-table thead").getText().contains("投资"));
        assertThat(browser.all(".choropleth-legend li")).isNotEmpty();

        // the exports run without an error (the files themselves: StatisticsTest for the CSV; the PNG is the chart's canvas)
        browser.find("#pane-statistics [data-action='csv']").click();
        browser.find("#pane-statistics [data-action='png']").click();
        assertThat(browser.errors()).isEmpty();

        new Select(browser.find(".statistics-form select[name='group']")).selectByValue("city");
        browser.waitUntil("a row per city", () -> browser.all(".statistics-table tbody tr").size() == 6);
        assertThat(browser.all("path.statistics-choropleth")).isEmpty();
        browser.find("#tab-projects").click();
        assertThat(browser.all("path.statistics-choropleth")).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theMapIsPrintedToPdfFromThePage() {
        browser.open("/?view=11/43.85/125.30");
        browser.find("#print-map").click();
        browser.waitUntil("the print dialog", () -> browser.find("#print").getAttribute("open") != null);
        browser.find("#print button[type='submit']").click();
        browser.waitUntil("the PDF made and the dialog closed", () -> browser.find("#print").getAttribute("open") == null);
        assertThat(browser.find("#print .print-status").getText()).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theLayerPanelShowsThePlanStylesColours() {
        browser.open("/");
        browser.waitUntil("the layer list", () -> !browser.all(".layer[data-layer='dev-zones'] svg rect").isEmpty());
        assertThat(browser.find(".layer[data-layer='dev-zones'] svg rect").getAttribute("fill")).isEqualTo("#f0b27a");
        assertThat(browser.find(".layer[data-layer='districts'] svg rect").getAttribute("stroke")).isEqualTo("#566573");
        assertThat(browser.errors()).isEmpty();
    }
}
