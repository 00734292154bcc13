package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.changchun.layout.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The map answers about what the planner sees, and the area form offers only what applies. */
class MapIdentifyTest extends BrowserTest {

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void aClickListsOnlyTheLayersThatAreSwitchedOn() {
        // districts and agricultural belts off: the click in 双阳 finds neither
        browser.open("/?view=11/43.52000/125.70000&layers=dev-zones,projects");
        clickTheMapCentre();
        assertThat(browser.all(".identify-layer[data-layer='districts']")).isEmpty();
        assertThat(browser.all(".identify-layer[data-layer='agri-belts']")).isEmpty();
        assertThat(browser.find(".identify").getText()).contains("此处没有规划要素");

        browser.find(".leaflet-popup-close-button").click();
        browser.find("#show-layer-districts").click();
        clickTheMapCentre();
        assertThat(browser.all(".identify-layer[data-layer='districts'] li[data-feature='220112']")).hasSize(1);
        assertThat(browser.all(".identify-layer[data-layer='agri-belts']")).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theDistanceCanBeEditedOnlyWhenTheRelationIsNear() {
        // as served, before any script runs: the default relation is "within", which has no distance
        String page = new Http(port).get("/").body();
        Matcher distance = Pattern.compile("<input[^>]*name=\"distance\"[^>]*>").matcher(page);
        assertThat(distance.find()).isTrue();
        assertThat(distance.group()).contains("disabled");

        browser.open("/?tab=coverage");
        assertDistanceFollowsTheRelation("within");
        Select mode = new Select(browser.find("select[name='mode']"));
        mode.selectByValue("near");
        assertDistanceFollowsTheRelation("near");
        mode.selectByValue("intersects");
        assertDistanceFollowsTheRelation("intersects");
        // the browser restores the form's values when the page is reloaded, and when it is come back to
        mode.selectByValue("near");
        browser.driver().navigate().refresh();
        browser.waitFor("body[data-ready]");
        assertDistanceFollowsTheRelation(browser.find("select[name='mode']").getAttribute("value"));
        new Select(browser.find("select[name='mode']")).selectByValue("within");
        browser.driver().navigate().refresh();
        browser.waitFor("body[data-ready]");
        assertDistanceFollowsTheRelation(browser.find("select[name='mode']").getAttribute("value"));
        browser.driver().navigate().to(browser.driver().getCurrentUrl().replace("tab=coverage", "tab=projects"));
        browser.driver().navigate().back();
        browser.waitFor("body[data-ready]");
        assertDistanceFollowsTheRelation(browser.find("select[name='mode']").getAttribute("value"));
        assertThat(browser.errors()).isEmpty();
    }

    private void assertDistanceFollowsTheRelation(String relation) {
        assertThat(browser.find("select[name='mode']").getAttribute("value")).isEqualTo(relation);
        assertThat(browser.find("input[name='distance']").isEnabled()).as("distance editable for " + relation)
                .isEqualTo("near".equals(relation));
    }

    private void clickTheMapCentre() {
        browser.waitForMap();
        new Actions(browser.driver()).moveToElement(browser.find("#map")).click().perform();
        browser.waitUntil("the popup answered", () -> !browser.all(".identify-where").isEmpty()
                && browser.all(".identify [role='status']").isEmpty());
    }
}
