package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A planner checks a site on the map page: draws it, says what it is for, reads the verdict and the
 * rules, tries another city, picks a project of the library instead, reviews the whole library and
 * prints the review sheet.
 */
class MapComplianceTest extends BrowserTest {

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void aDrawnSiteGetsItsVerdictRulesAndOverlapsOnTheMap() {
        // the automobile development zone, in the middle of the view
        browser.open("/?tab=compliance&view=14/43.86/125.235");
        // the selects are filled again once the library's projects arrive: wait for that before choosing
        browser.waitFor("#pane-compliance select[name='project'] option[value='p001']");
        new Select(browser.find("#pane-compliance select[name='city']")).selectByValue("automobile");
        new Select(browser.find("#pane-compliance select[name='industry']")).selectByValue("新装备");
        browser.find("[data-site-draw='rectangle']").click();
        browser.waitUntil("drawing ready", () -> (Boolean) browser.script("return !!window.L.Draw"));
        WebElement map = browser.find("#map");
        new Actions(browser.driver()).moveToElement(map, -60, -40).clickAndHold().moveByOffset(60, 40)
                .moveByOffset(60, 40).release().perform();
        browser.waitUntil("the verdict", () -> !browser.all(".compliance-result .verdict").isEmpty());
        WebElement verdict = browser.find(".compliance-result .verdict");
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("compliant");
        assertThat(verdict.getText()).isEqualTo("符合");
        assertThat(browser.find(".compliance-result").getText()).contains("汽开区").contains("未触发任何规则");
        assertThat(browser.all(".leaflet-analysis-pane path")).as("the site and its overlaps drawn").hasSizeGreaterThan(1);
        assertThat(link()).containsPattern("site=125\\.\\d{5},43\\.\\d{5}(,\\d+\\.\\d{5})+").contains("declare=automobile/");

        // the same site declared for the agriculture city: not where the plan puts it
        new Select(browser.find("#pane-compliance select[name='city']")).selectByValue("agriculture");
        browser.waitUntil("the new verdict", () -> "conditional".equals(
                browser.find(".compliance-result .verdict").getAttribute("data-verdict")));
        WebElement rule = browser.find("[data-rule='city-outside']");
        assertThat(rule.getText()).contains("有条件").contains("现代农业城");
        rule.findElement(org.openqa.selenium.By.cssSelector("summary")).click();
        assertThat(rule.getText()).contains("第十四次党代会报告").contains("西部粮食安全产业带");
        assertThat(browser.find(".compliance-result").getText()).contains("最近的为本城布局的区域");

        // the review sheet: filled, laid out for print, and the page restored afterwards
        browser.script("window.print = () => { window.printed = true; };");
        browser.find(".compliance-result [data-action='print']").click();
        browser.waitUntil("printed", () -> Boolean.TRUE.equals(browser.script("return window.printed === true")));
        String sheet = (String) browser.script("return document.querySelector('.review-sheet-head').textContent"
                + " + document.querySelector('.review-sheet-body').textContent");
        assertThat(sheet).contains("审查意见").contains("有条件符合").contains("地图范围").contains("审查日期")
                .contains("第十四次党代会报告").contains("不具法律效力");
        assertThat(browser.find("body").getAttribute("class")).contains("printing");
        browser.script("window.dispatchEvent(new Event('afterprint'))");
        assertThat(browser.find("body").getAttribute("class")).doesNotContain("printing");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aProjectIsPickedReviewedAndTheLibraryListedAtOnce() {
        browser.open("/?tab=compliance");
        browser.waitFor("#pane-compliance select[name='project'] option[value='p043']");
        new Select(browser.find("#pane-compliance select[name='project']")).selectByValue("p043");
        browser.waitUntil("the verdict", () -> !browser.all(".compliance-result .verdict").isEmpty());
        assertThat(browser.find(".compliance-result .verdict").getAttribute("data-verdict")).isEqualTo("non-compliant");
        assertThat(browser.find("#pane-compliance select[name='city']").getAttribute("value")).as("the project's own city").isEqualTo("culture");
        assertThat(browser.find("[data-rule='constraint:eco-redline-sample:inside']").getText())
                .contains("冲突").contains("示意，不具法律效力");
        assertThat(link()).contains("check=p043");

        browser.find("[data-action='library']").click();
        browser.waitUntil("the library reviewed", () -> !browser.all(".library-list li").isEmpty());
        assertThat(browser.find(".library-summary").getText()).contains("共 48 个项目").contains("不符合 2 个");
        assertThat(browser.texts(".library-list [data-review]")).contains("影视拍摄与后期制作基地（示例）");

        // a point placed on the map is checked too
        browser.open("/?tab=compliance&view=13/44.40/125.12&declare=agriculture/" + "%E6%96%B0%E8%A3%85%E5%A4%87");
        browser.waitUntil("the cities listed", () -> "agriculture".equals(browser.find("#pane-compliance select[name='city']").getAttribute("value")));
        browser.find("[data-site-draw='marker']").click();
        browser.waitUntil("drawing ready", () -> (Boolean) browser.script("return !!window.L.Draw"));
        new Actions(browser.driver()).moveToElement(browser.find("#map"), 0, 0).click().perform();
        browser.waitUntil("the verdict", () -> !browser.all(".compliance-result .verdict").isEmpty());
        assertThat(browser.find(".compliance-result .verdict").getAttribute("data-verdict")).isEqualTo("conditional");
        assertThat(browser.all("[data-rule='restriction:west-belt-manufacturing']")).hasSize(1);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aProjectCardOpensItsReview() {
        browser.open("/?project=p044");
        assertThat(browser.find("#show-layer-eco-redline-sample").isSelected()).as("off by default").isFalse();
        browser.waitFor("#project-card:not([hidden]) [data-action='check']");
        browser.find("#project-card [data-action='check']").click();
        browser.waitUntil("the verdict", () -> !browser.all(".compliance-result .verdict").isEmpty());
        assertThat(browser.find("#pane-compliance").isDisplayed()).as("the compliance tab open").isTrue();
        assertThat(browser.find(".compliance-result .verdict").getAttribute("data-verdict")).isEqualTo("non-compliant");
        assertThat(browser.find("#pane-compliance select[name='project']").getAttribute("value")).isEqualTo("p044");
        assertThat(browser.find("#show-layer-eco-redline-sample").isSelected()).as("the red line it lies in, on the map").isTrue();
        browser.waitUntil("the link names the check", () -> link().contains("check=p044") && link().contains("tab=compliance"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void twoLayersAreCheckedForConflicts() {
        browser.open("/?tab=compliance");
        browser.waitFor(".conflict-form select[name='against'] option[value='eco-redline-sample']");
        assertThat(browser.find(".conflict-form select[name='layer']").getAttribute("value")).isEqualTo("dev-zones");
        assertThat(browser.find(".conflict-form select[name='against']").getAttribute("value")).as("a control line first")
                .isEqualTo("eco-redline-sample");
        browser.find(".conflict-form [type='submit']").click();
        browser.waitUntil("the conflicts listed", () -> !browser.all(".conflict-list li").isEmpty());
        assertThat(browser.find(".conflict-summary").getText()).contains("共 1 处重叠").contains("冲突");
        assertThat(browser.find(".conflicts .notes").getText()).contains("示意，不具法律效力");
        assertThat(browser.find(".conflict-list li").getText()).contains("净月高新").contains("净月潭森林一带").contains("公顷");
        assertThat(browser.all(".leaflet-analysis-pane path")).as("the overlap drawn").isNotEmpty();
        assertThat(browser.find("#show-layer-eco-redline-sample").isSelected()).as("both layers on the map").isTrue();
        browser.waitUntil("the link keeps the check", () -> link().contains("conflict=dev-zones/eco-redline-sample"));

        // the link runs the check again
        browser.reset();
        browser.open("/?tab=compliance&conflict=dev-zones/eco-redline-sample");
        browser.waitUntil("the conflicts listed again", () -> !browser.all(".conflict-list li").isEmpty());
        assertThat(browser.find(".conflict-summary").getText()).contains("共 1 处重叠");

        // two layers that do not overlap: said so, nothing drawn
        new Select(browser.find(".conflict-form select[name='layer']")).selectByValue("corridors");
        new Select(browser.find(".conflict-form select[name='against']")).selectByValue("agri-belts");
        browser.find(".conflict-form [type='submit']").click();
        browser.waitUntil("the answer", () -> browser.all(".conflict-list li").isEmpty()
                && !browser.all(".conflict-summary").isEmpty());
        assertThat(browser.find(".conflict-summary").getText()).contains("共 0 处重叠");
        assertThat(browser.errors()).isEmpty();
    }

    private String link() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/?"));
    }
}
