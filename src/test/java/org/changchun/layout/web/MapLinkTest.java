package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** A planner sends a link; whoever opens it sees the same result: area, drawn polygon, project card. */
class MapLinkTest extends BrowserTest {

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void aLinkReopensTheChosenAreaWithItsRelationAndDistance() {
        analyseArea("dev-zones", "qikai");
        new Select(browser.find("select[name='mode']")).selectByValue("near");
        WebElement distance = browser.find("input[name='distance']");
        distance.clear();
        distance.sendKeys("3", Keys.TAB);
        browser.waitUntil("the link holds the area", () -> browser.driver().getCurrentUrl().contains("km=3"));
        browser.waitUntil("the projects near it counted", () -> browser.find(".coverage-result").getText().contains("3 公里内"));
        String count = browser.find("[data-total='count']").getText();
        String link = link();
        assertThat(link).contains("area=dev-zones/qikai").contains("mode=near").contains("km=3");

        browser.reset();
        browser.open(link);
        browser.waitUntil("the projects counted again", () -> !browser.all("[data-total='count']").isEmpty());
        assertThat(browser.find("#pane-coverage").isDisplayed()).isTrue();
        assertThat(new Select(browser.find("select[name='layer']")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("dev-zones");
        browser.waitUntil("the zone listed", () -> "qikai".equals(browser.find("select[name='feature']").getAttribute("value")));
        assertThat(browser.find("select[name='mode']").getAttribute("value")).isEqualTo("near");
        assertThat(browser.find("input[name='distance']").getAttribute("value")).isEqualTo("3");
        assertThat(browser.find("input[name='distance']").isEnabled()).isTrue();
        assertThat(browser.find(".coverage-result").getText()).contains("3 公里内");
        assertThat(browser.find("[data-total='count']").getText()).isEqualTo(count);
        assertThat(browser.all(".leaflet-analysis-pane path")).isNotEmpty();
        assertThat(link()).isEqualTo(link);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aLinkReopensADrawnPolygon() {
        browser.open("/?tab=coverage&view=11/43.85/125.30");
        browser.find("[data-draw='rectangle']").click();
        browser.waitUntil("drawing ready", () -> (Boolean) browser.script("return !!window.L.Draw"));
        WebElement map = browser.find("#map");
        new Actions(browser.driver()).moveToElement(map, -120, -90).clickAndHold().moveByOffset(120, 90)
                .moveByOffset(120, 90).release().perform();
        browser.waitUntil("the drawn area counted", () -> !browser.all("[data-total='count']").isEmpty());
        String count = browser.find("[data-total='count']").getText();
        String area = browser.find(".coverage-result .muted").getText();
        String link = link();
        assertThat(link).containsPattern("polygon=125\\.\\d{5},43\\.\\d{5}(,\\d+\\.\\d{5})+");
        assertThat(count).isNotEqualTo("0");

        browser.reset();
        browser.open(link);
        browser.waitUntil("the drawn area counted again", () -> !browser.all("[data-total='count']").isEmpty());
        assertThat(browser.find(".coverage-result h3").getText()).isEqualTo("手绘区域");
        assertThat(browser.find("[data-total='count']").getText()).isEqualTo(count);
        assertThat(browser.find(".coverage-result .muted").getText()).isEqualTo(area);
        assertThat(browser.all(".leaflet-analysis-pane path")).isNotEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aLinkReopensTheProjectCard() {
        browser.open("/?tab=projects");
        browser.waitFor(".project-item");
        WebElement first = browser.find(".project-item");
        String id = first.getAttribute("data-id");
        String name = first.findElement(org.openqa.selenium.By.cssSelector(".project-name")).getText();
        first.click();
        browser.waitUntil("the card filled", () -> browser.find("#project-card h2").getText().equals(name));
        browser.waitUntil("the link names the project", () -> link().contains("project=" + id));
        String link = link();

        browser.reset();
        browser.open(link);
        browser.waitUntil("the card reopened", () -> browser.find("#project-card").isDisplayed()
                && browser.find("#project-card h2").getText().equals(name));
        assertThat(browser.find(".project-item[aria-current='true']").getAttribute("data-id")).isEqualTo(id);

        browser.find("#project-card [data-action='close']").click();
        browser.waitUntil("the link forgets the card", () -> !link().contains("project="));
        assertThat(browser.errors()).isEmpty();
    }

    private String link() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/?"));
    }
}
