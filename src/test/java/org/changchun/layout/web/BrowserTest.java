package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.changchun.layout.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The map page in a real browser against the real service on H2GIS, with an editor account.
 * Subclasses with the same settings share one application (Spring caches the context) and each
 * has one browser for all its tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "plan.security.users[0].name=" + BrowserTest.EDITOR,
    "plan.security.users[0].password={noop}" + BrowserTest.EDITOR_PASSWORD,
    "plan.security.users[0].roles=EDITOR"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String EDITOR = "editor";
    static final String EDITOR_PASSWORD = "editor-secret";

    @LocalServerPort
    int port;

    Browser browser;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestDatabases.register("h2gis", registry);
    }

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    /** Opens the 区域分析 panel on one feature of a plan layer and waits for its projects to be counted. */
    void analyseArea(String layer, String feature) {
        browser.open("/?tab=coverage");
        new Select(browser.find("select[name='layer']")).selectByValue(layer);
        browser.waitFor("select[name='feature'] option[value='" + feature + "']");
        new Select(browser.find("select[name='feature']")).selectByValue(feature);
        browser.waitUntil("the projects counted", () -> !browser.all("[data-total='count']").isEmpty());
    }

    /** The page runs under the service's Content-Security-Policy; whatever it would block is a defect of the page. */
    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            try {
                assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
            } finally {
                browser.close();
            }
        }
    }
}
