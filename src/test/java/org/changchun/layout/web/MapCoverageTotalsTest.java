package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A planner picks an area holding more projects than one answer lists (here 3): the panel shows the
 * totals of all of them and says, in the page's language, why the projects are not listed, and
 * exports the totals by district instead of the list.
 */
@TestPropertySource(properties = "plan.coverage.max-features=3")
class MapCoverageTotalsTest extends BrowserTest {

    @Test
    void anAreaWithMoreProjectsThanOneAnswerListsShowsTheirTotalsAndSaysWhy() {
        analyseArea("dev-zones", "qikai");
        assertThat(browser.find("[data-total='count']").getText()).isEqualTo("5");
        assertThat(browser.find("[data-omitted]").getText()).contains("5 个要素").contains("上限 3");
        assertThat(browser.all(".coverage-list li")).isEmpty();
        assertThat(browser.all(".coverage-result canvas")).isEmpty();

        browser.find("#pane-coverage [data-action='csv']").click();
        assertThat(browser.find("#pane-coverage .export-error").isDisplayed()).isFalse();
        browser.screenshot("map-06b-coverage-totals-only");
        assertThat(browser.errors()).isEmpty();
    }
}
