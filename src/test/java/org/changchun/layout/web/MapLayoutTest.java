package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * What a planner sees first on a laptop (1400×900) and on a phone (400×800): the map not hidden by
 * the panels, controls that do not cover each other, labels that can be read, long texts that wrap.
 */
class MapLayoutTest extends BrowserTest {

    private static final int[][] WINDOWS = {{1400, 900}, {400, 800}};

    @BeforeEach
    void freshBrowser() {
        browser.resize(1400, 900);
        browser.reset();
    }

    @Test
    void onAPhoneAtLeastHalfOfTheMapIsVisible() {
        browser.resize(400, 800);
        browser.open("/");
        browser.waitForMap();
        browser.screenshot("layout-phone");
        double visible = visibleShareOfTheMap();
        System.out.printf("map page at 400×800: %.0f %% of the map visible%n", visible * 100);
        assertThat(visible).isGreaterThanOrEqualTo(0.5);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theAttributionDoesNotCoverTheScaleBar() {
        for (int[] window : WINDOWS) {
            browser.resize(window[0], window[1]);
            browser.open("/");
            browser.waitForMap();
            Rectangle scale = browser.find(".leaflet-control-scale").getRect();
            Rectangle attribution = browser.find(".leaflet-control-attribution").getRect();
            assertThat(intersect(scale, attribution)).as("scale bar %s and attribution %s at %d px",
                    describe(scale), describe(attribution), window[0]).isFalse();
            assertThat(browser.find(".leaflet-control-attribution").getText()).contains("示意");
        }
    }

    @Test
    void theEnglishNamesOfGongzhulingAndChaoyangDoNotOverlapAtTheDefaultView() {
        browser.open("/?lang=en");
        browser.waitForMap();
        browser.waitUntil("labels placed", () -> !browser.all(".district-label span[data-adcode='220184']").isEmpty());
        browser.screenshot("layout-english-labels");
        WebElement gongzhuling = browser.find(".district-label span[data-adcode='220184']");
        WebElement chaoyang = browser.find(".district-label span[data-adcode='220104']");
        assertThat(gongzhuling.getText()).isEqualTo("Gongzhuling");
        assertThat(chaoyang.getText()).isEqualTo("Chaoyang");
        assertThat(intersect(gongzhuling.getRect(), chaoyang.getRect())).as("%s and %s",
                describe(gongzhuling.getRect()), describe(chaoyang.getRect())).isFalse();
    }

    @Test
    void theLayerInformationIsInChineseAndWrapsInsteadOfScrollingSideways() {
        for (int[] window : WINDOWS) {
            browser.resize(window[0], window[1]);
            browser.open("/");
            WebElement toggle = browser.find("#layer-panel-toggle");
            if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
                toggle.click();
            }
            browser.all(".layer-more").forEach(WebElement::click);
            String districts = browser.find("#about-layer-districts").getText();
            assertThat(districts).contains("来源").contains("高德界线").contains("许可").contains("仅供开发测试")
                    .doesNotContain("converted")
                    .as("no absolute path of the machine the data was prepared on")
                    .doesNotContainPattern("(?<![\\w.:/-])/[a-z]+/[\\w.-]+/");
            assertThat(browser.find("#about-layer-dev-zones").getText()).contains("示意范围").doesNotContain("drawn by us");
            Map<String, Object> scroll = browser.script("const p = document.querySelector('.layer-panel');"
                    + "return {panel: p.scrollWidth - p.clientWidth,"
                    + " page: document.documentElement.scrollWidth - window.innerWidth};");
            browser.screenshot("layout-layer-info-" + window[0]);
            assertThat(((Number) scroll.get("panel")).intValue()).as("sideways scroll of the layer panel at %d px",
                    window[0]).isLessThanOrEqualTo(0);
            assertThat(((Number) scroll.get("page")).intValue()).as("sideways scroll of the page at %d px",
                    window[0]).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void eachLayerAndTheLayersOnTheMapDownloadAsGeoPackage() {
        browser.open("/");
        browser.waitForMap();
        browser.find(".layer[data-layer='districts'] .layer-more").click();
        assertThat(browser.texts("#about-layer-districts .layer-export button")).contains("GeoPackage");
        WebElement exportVisible = browser.find("#export-visible button");
        assertThat(exportVisible.getText()).isEqualTo("地图上的图层导出为一个 GeoPackage");
        exportVisible.click();
        browser.waitUntil("the layers on the map fetched as one GeoPackage", () -> browser.<Boolean>script(
                "return performance.getEntriesByType('resource').some((e) => e.name.includes('/api/export?layers=')"
                        + " && e.name.includes('districts') && e.name.includes('major-zones')"
                        + " && e.responseStatus === 200)"));
        browser.waitUntil("the button is ready again", exportVisible::isEnabled);
        assertThat(browser.find("#export-visible .error").isDisplayed()).isFalse();
        assertThat(browser.errors()).isEmpty();
    }

    /**
     * Choosing a city frames its footprint clear of the layer panel (a tall box on the right on a
     * laptop, a small collapsed one on a phone) and large enough to read.
     */
    @Test
    void zoomingToACityKeepsItsFootprintClearOfTheLayerPanel() {
        for (int[] window : WINDOWS) {
            browser.resize(window[0], window[1]);
            browser.reset();
            browser.open("/?tab=cities");
            browser.find(".city-button[data-city='agriculture']").click();
            browser.waitFor("#city-districts li");
            browser.waitForMap();
            browser.screenshot("layout-city-fit-" + window[0]);
            Rectangle footprint = union(browser.all(".leaflet-highlight-pane path"));
            Rectangle map = browser.find("#map").getRect();
            Rectangle panel = browser.find(".layer-panel").getRect();
            assertThat(intersect(footprint, panel)).as("footprint %s, layer panel %s at %d px", describe(footprint),
                    describe(panel), window[0]).isFalse();
            assertThat(footprint.x).isGreaterThanOrEqualTo(map.x);
            assertThat(footprint.x + footprint.width).isLessThanOrEqualTo(map.x + map.width);
            assertThat(Math.max((double) footprint.width / map.width, (double) footprint.height / map.height))
                    .as("share of the map the footprint spans at %d px: %s in %s", window[0], describe(footprint),
                            describe(map)).isGreaterThan(0.45);
        }
    }

    /** The schematic zones are named (as schematic) once they are big enough to tell apart, and no name covers another. */
    @Test
    void theSchematicZonesAreNamedWithoutCoveringEachOther() {
        browser.open("/");
        browser.waitForMap();
        assertThat(shownTexts(".zone-label span")).as("zone names at the default view, where the zones are dots").isEmpty();

        browser.open("/?view=10/43.86/125.40");
        browser.waitForMap();
        browser.waitUntil("zone names shown", () -> shownTexts(".zone-label span").size() >= 4);
        browser.screenshot("layout-zone-labels");
        List<String> zones = shownTexts(".zone-label span");
        assertThat(zones).allMatch(text -> text.contains("示意"));
        assertThat(zones).anyMatch(text -> text.contains("汽开区")).anyMatch(text -> text.contains("国际汽车城"));
        List<WebElement> shown = browser.all(".district-label span, .zone-label span").stream()
                .filter(WebElement::isDisplayed).filter(label -> !label.getText().isEmpty()).toList();
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                assertThat(intersect(shown.get(i).getRect(), shown.get(j).getRect()))
                        .as("%s and %s", shown.get(i).getText(), shown.get(j).getText()).isFalse();
            }
        }
        assertThat(browser.errors()).isEmpty();
    }

    /** Choosing a city in the 六城 panel dims the projects and zones that do not belong to it. */
    @Test
    void choosingACityDimsWhatDoesNotBelongToIt() {
        browser.open("/");
        browser.waitForMap();
        assertThat(opacities(".leaflet-projects-pane path")).allMatch(opacity -> opacity > 0.6);

        browser.find(".city-button[data-city='automobile']").click();
        browser.waitFor("#city-districts li");
        browser.waitForMap();
        browser.screenshot("layout-city-filter");
        assertThat(opacities(".leaflet-projects-pane path.project--city-automobile"))
                .isNotEmpty().allMatch(opacity -> opacity > 0.6);
        assertThat(opacities(".leaflet-projects-pane path:not(.project--city-automobile)"))
                .isNotEmpty().allMatch(opacity -> opacity < 0.3);
        long dimmed = browser.script("return [...document.querySelectorAll('.plan-layer--dev-zones canvas')]"
                + ".reduce((n, c) => n + Number(c.dataset.dimmed || 0), 0);");
        assertThat(dimmed).as("development zones drawn dimmed").isPositive();
        assertThat(browser.all(".district-label--dimmed span")).as("district names dimmed").isNotEmpty();

        browser.find(".city-details [data-action='clear']").click();
        browser.waitForMap();
        assertThat(opacities(".leaflet-projects-pane path")).allMatch(opacity -> opacity > 0.6);
        assertThat(browser.all(".district-label--dimmed")).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    private List<String> shownTexts(String css) {
        return browser.all(css).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                .filter(text -> !text.isEmpty()).toList();
    }

    private List<Double> opacities(String css) {
        List<Object> values = browser.script("return [...document.querySelectorAll(arguments[0])]"
                + ".map(p => Number(p.getAttribute('fill-opacity')));", css);
        return values.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    /** The share of the map element's area where a click reaches the map (not a panel or a control). */
    private double visibleShareOfTheMap() {
        Number share = browser.script("const map = document.getElementById('map');"
                + "const r = map.getBoundingClientRect(); let seen = 0, all = 0;"
                + "for (let x = r.left + 5; x < r.right; x += 10) for (let y = r.top + 5; y < r.bottom; y += 10) {"
                + "  all++; const el = document.elementFromPoint(x, y);"
                + "  if (el && map.contains(el) && !el.closest('.leaflet-control-container')) seen++; }"
                + "return seen / all;");
        return share.doubleValue();
    }

    private static Rectangle union(List<WebElement> elements) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (WebElement element : elements) {
            Rectangle r = element.getRect();
            left = Math.min(left, r.x);
            top = Math.min(top, r.y);
            right = Math.max(right, r.x + r.width);
            bottom = Math.max(bottom, r.y + r.height);
        }
        assertThat(elements).as("elements to frame").isNotEmpty();
        return new Rectangle(left, top, bottom - top, right - left);
    }

    static boolean intersect(Rectangle a, Rectangle b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    static String describe(Rectangle r) {
        return "[" + r.x + "," + r.y + " " + r.width + "×" + r.height + "]";
    }
}
