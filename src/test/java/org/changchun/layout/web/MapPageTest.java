package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** What planners do on the map page, in Chromium against the running service (no basemap: offline). */
class MapPageTest extends BrowserTest {

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void thePageLoadsFastInChineseWithoutConsoleErrors() {
        double cold = browser.loadUntilFirstMeaningfulPaint("/");
        browser.waitForMap();
        browser.screenshot("map-01-first-load");

        assertThat(browser.errors()).isEmpty();
        assertThat((String) browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
        assertThat(browser.texts(".city-button .city-name")).containsExactly(
                "国际汽车城", "现代农业城", "“双碳”示范区", "科技创新城", "新兴消费城", "文化创意城");
        assertThat(browser.find("#pane-cities").isDisplayed()).isTrue();
        assertThat(browser.find("#datum-badge").getText()).contains("无底图").contains("WGS84");
        assertThat(browser.find(".caveat").getText()).contains("示例").contains("示意");
        assertThat(browser.texts(".district-label span")).contains("双阳区", "南关区");
        assertThat(browser.drawnFeatures("districts")).isPositive();
        assertThat(browser.drawnFeatures("dev-zones")).isPositive();
        assertThat(browser.all(".leaflet-projects-pane path")).hasSizeGreaterThan(40);

        double warm = browser.loadUntilFirstMeaningfulPaint("/");
        System.out.printf("map page: first meaningful paint %.0f ms cold, %.0f ms warm%n", cold, warm);
        assertThat(warm).isLessThan(2000);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void togglingALayerChangesWhatIsDrawn() {
        browser.open("/?layers=districts,dev-zones");
        browser.waitUntil("development zones drawn", () -> browser.drawnFeatures("dev-zones") > 0);
        long painted = browser.paintedPixels("dev-zones");
        assertThat(painted).isGreaterThan(1000);
        assertThat(browser.drawnFeatures("agri-belts")).isZero();
        browser.waitForMap();
        browser.screenshot("map-02-layers-before");

        browser.find("#show-layer-dev-zones").click();
        browser.waitUntil("development zones gone", () -> browser.all(".plan-layer--dev-zones").isEmpty());
        assertThat(browser.driver().getCurrentUrl()).contains("layers=districts&").doesNotContain("dev-zones");

        browser.find("#show-layer-agri-belts").click();
        browser.waitUntil("agricultural belts drawn", () -> browser.drawnFeatures("agri-belts") > 0);
        assertThat(browser.paintedPixels("agri-belts")).isGreaterThan(1000);
        browser.waitForMap();
        browser.screenshot("map-02-layers-after");

        WebElement opacity = browser.find(".layer[data-layer='agri-belts'] input[type=range]");
        browser.script("arguments[0].value = 40; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", opacity);
        assertThat(browser.find(".plan-layer--agri-belts").getCssValue("opacity")).isEqualTo("0.4");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void choosingTheAutomobileCityHighlightsItsDistrictsAndZones() {
        browser.open("/");
        browser.find(".city-button[data-city='automobile']").click();
        browser.waitFor("#city-districts li");

        assertThat(browser.texts("#city-districts .district-name"))
                .containsExactlyInAnyOrder("朝阳区", "绿园区", "宽城区", "公主岭市");
        assertThat(browser.texts(".city-details .members li")).anyMatch(text -> text.contains("汽开区"));
        assertThat(browser.all(".targets tr")).hasSize(4);
        assertThat(browser.find(".city-details").getText()).contains("万辆").contains("亿元");
        assertThat(browser.all(".leaflet-highlight-pane path")).hasSize(3);
        assertThat(browser.find(".city-button[data-city='automobile']").getAttribute("aria-pressed")).isEqualTo("true");
        browser.waitUntil("the link names the city", () -> browser.driver().getCurrentUrl().contains("city=automobile"));
        browser.waitForMap();
        browser.screenshot("map-03-automobile-city");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCityPanelShowsThePlansRolesAndMarksDistrictsDerivedFromOverlaps() {
        browser.open("/");
        browser.find(".city-button[data-city='automobile']").click();
        browser.waitFor("#city-districts li");
        assertThat(browser.texts("#city-districts .role")).as("朝阳 and 绿园 support the automobile city; 汽开区 leads it")
                .hasSize(4).containsOnly("支撑/联动");
        assertThat(browser.all("#city-derived-districts")).isEmpty();

        browser.find(".city-button[data-city='agriculture']").click();
        browser.waitFor("#city-derived-districts li");
        assertThat(browser.texts("#city-districts .district-name"))
                .containsExactlyInAnyOrder("榆树市", "农安县", "德惠市", "九台区", "双阳区");
        assertThat(browser.texts("#city-districts .role")).containsOnly("支撑/联动");
        assertThat(browser.texts("#city-derived-districts .district-name")).containsExactly("公主岭市");
        assertThat(browser.find("#city-derived-districts .role").getText()).contains("推算").doesNotContain("龙头");
        assertThat(browser.find("#city-derived-districts .role").getAttribute("title")).contains("公主岭国家农业高新技术产业示范区");
        assertThat(browser.find(".city-button[data-city='agriculture'] .city-meta").getText())
                .isEqualTo("规划点名 5 个区县，推算 1 个");
        assertThat(browser.all(".leaflet-highlight-pane path")).as("lead, support, footprint and the derived outline")
                .hasSize(4);
        browser.waitForMap();
        browser.screenshot("map-08-agriculture-derived");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aProjectCardTellsTheCityItServesFromCitiesOfTheAreasItLiesIn() {
        browser.open("/?tab=projects");
        browser.waitFor(".project-item");
        browser.find("input[name='q']").sendKeys("动力电池");
        browser.waitUntil("the list filtered", () -> browser.all(".project-item").size() == 1);
        browser.find(".project-item").click();
        browser.waitFor("#project-card .card-cities--derived li");

        assertThat(browser.texts("#project-card .card-cities--declared .city-chip")).containsExactly("“双碳”示范区");
        assertThat(browser.texts("#project-card .card-cities--derived .city-chip")).contains("现代农业城")
                .doesNotContain("“双碳”示范区");
        assertThat(browser.find("#project-card .card-cities--derived li[data-city='agriculture']").getText())
                .contains("德惠市");
        assertThat(browser.find("#project-card").getText()).contains("按位置推算");
        browser.screenshot("map-09-project-card-cities");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void clickingInsideShuangyangListsTheThreeCitiesItSupports() {
        browser.open("/?view=11/43.52000/125.70000");
        // the view is centred on 125.70E 43.52N: click the map's centre
        new Actions(browser.driver()).moveToElement(browser.find("#map")).click().perform();
        WebElement district = browser.waitFor(".identify-layer[data-layer='districts'] li[data-feature='220112']");

        assertThat(district.getText()).contains("双阳区");
        assertThat(browser.texts(".identify li[data-feature='220112'] .city-chip"))
                .anySatisfy(text -> assertThat(text).contains("现代农业城"))
                .anySatisfy(text -> assertThat(text).contains("“双碳”示范区"))
                .anySatisfy(text -> assertThat(text).contains("文化创意城"))
                .hasSize(3);
        assertThat(browser.find(".identify-where").getText()).contains("125.70").contains("43.52");
        browser.waitForMap();
        browser.screenshot("map-04-identify-shuangyang");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void searchingFindsASampleProjectAndOpensItsCard() {
        browser.open("/?tab=projects");
        browser.waitFor(".project-item");
        browser.find("input[name='q']").sendKeys("汽车");
        browser.waitUntil("the list filtered", () -> browser.all(".project-item").size() == 6);

        List<String> names = browser.texts(".project-item .project-name");
        assertThat(names).contains("汽车零部件配套产业园（示例）").allMatch(name -> name.contains("汽车"));
        assertThat(browser.all(".leaflet-projects-pane path")).hasSize(6);

        new Select(browser.find("select[name='status']")).selectByValue("completed");
        browser.waitUntil("the list filtered by status", () -> browser.all(".project-item").size() == 2);
        assertThat(browser.all(".leaflet-projects-pane path")).hasSize(2);

        browser.all(".project-item").stream().filter(item -> item.getText().contains("汽车零部件配套产业园"))
                .findFirst().orElseThrow().click();
        browser.waitUntil("the card filled", () -> browser.find("#project-card").getText().contains("绿园区"));
        assertThat(browser.find("#project-card h2").getText()).isEqualTo("汽车零部件配套产业园（示例）");
        assertThat(browser.find("#project-card").getText()).contains("国际汽车城").contains("汽开区").contains("示例数据");
        browser.waitForMap();
        browser.screenshot("map-05-project-search");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theProjectsInADevelopmentZoneAreCountedAndCharted() {
        analyseArea("dev-zones", "qikai");
        assertThat(browser.find("[data-total='count']").getText()).isEqualTo("5");
        assertThat(browser.all(".coverage-list li")).hasSize(5);
        browser.waitUntil("the chart drawn", () -> (Boolean) browser.script(
                "return !!(window.Chart && Chart.getChart(document.querySelector('.coverage-result canvas')));"));
        assertThat(browser.all(".leaflet-analysis-pane path")).hasSizeGreaterThan(5);
        browser.waitForMap();
        browser.screenshot("map-06-coverage-qikai");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void thePanelsAndTheMapWorkFromTheKeyboard() {
        browser.open("/?view=11/43.52000/125.70000");
        browser.find("#tab-cities").sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("tab-projects");
        assertThat(browser.find("#pane-projects").isDisplayed()).isTrue();
        assertThat(browser.find("#pane-cities").isDisplayed()).isFalse();
        browser.driver().switchTo().activeElement().sendKeys(Keys.END);
        assertThat(browser.find("#pane-history").isDisplayed()).isTrue();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(browser.find("#pane-imports").isDisplayed()).isTrue();

        // Enter on the focused map asks what is at its centre
        browser.find("#map").sendKeys(Keys.ENTER);
        browser.waitFor(".identify li[data-feature='220112']");
        assertThat(browser.driver().getCurrentUrl()).contains("tab=imports");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void englishIsOneClickAwayAndALinkReproducesTheView() {
        browser.open("/");
        browser.find("#lang-toggle").click();
        assertThat((String) browser.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.find("#tab-cities").getText()).isEqualTo("Six cities");
        assertThat(browser.find(".layer[data-layer='corridors']").getText()).contains("2 features");
        assertThat((String) browser.asyncScript("import('./js/i18n.js').then((i18n) => arguments[0]("
                + "i18n.t('layers.count', { count: 1 })))")).as("English counts in the singular too")
                .isEqualTo("1 feature");
        assertThat(browser.find(".layer[data-layer='districts']").getText()).contains("11 features");
        browser.find(".city-button[data-city='sci-tech']").click();
        browser.waitFor("#city-districts li");
        browser.find("#show-layer-major-zones").click();
        browser.waitUntil("the link holds the state", () -> {
            String url = browser.driver().getCurrentUrl();
            return url.contains("lang=en") && url.contains("city=sci-tech") && !url.contains("major-zones")
                    && url.contains("view=");
        });
        String link = browser.driver().getCurrentUrl();
        browser.waitForMap();
        browser.screenshot("map-07-english");

        browser.reset();
        browser.open(link.substring(link.indexOf("/?")));
        browser.waitFor("#city-districts li");
        assertThat(browser.find("#tab-cities").getText()).isEqualTo("Six cities");
        assertThat(browser.find(".city-button[data-city='sci-tech']").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.find("#show-layer-major-zones").isSelected()).isFalse();
        assertThat(browser.find("#show-layer-districts").isSelected()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(link);
        assertThat(browser.errors()).isEmpty();
    }
}
