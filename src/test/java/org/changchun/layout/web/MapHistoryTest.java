package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.store.WriteProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A planner compares two versions of an imported layer on the map: added green, removed red, changed
 * amber (its earlier shape dashed), a swipe between the earlier and the later version, the layer's
 * timeline with its accounts, and a link that reopens the comparison; an editor restores the earlier one.
 */
class MapHistoryTest extends BrowserTest {

    private static final List<FieldSpec> FIELDS = List.of(new FieldSpec("name_zh", FieldType.STRING, "名称", "Name"));

    @Autowired
    FeatureStore store;

    private long first;
    private long second;

    @BeforeAll
    void twoVersionsOfALayer() {
        first = write("alice", Map.of(
                "a", box("甲地块", 125.30, 0.01), "b", box("乙地块", 125.32, 0.01), "c", box("丙地块", 125.34, 0.01)));
        second = write("bob", Map.of(
                "a", box("甲地块", 125.30, 0.01), "b", box("乙地块", 125.32, 0.02), "d", box("丁地块", 125.36, 0.01)));
    }

    @BeforeEach
    void freshBrowser() {
        browser.reset();
    }

    @Test
    void aComparisonIsDrawnInThreeColoursWithASwipeAndReopensFromItsLink() {
        browser.open("/?tab=history&compare=history-demo/" + first + "/" + second);
        browser.waitUntil("the changes counted", () -> !browser.all(".history-totals").isEmpty());
        assertThat(browser.find(".history-totals").getText()).contains("新增 1 个", "删除 1 个", "修改 1 个");
        assertThat(browser.find(".history-result").getText()).contains("丁地块", "丙地块", "乙地块", "面积增加");
        assertThat(browser.all(".leaflet-history-after-pane path.history-change--added")).hasSize(1);
        assertThat(browser.all(".leaflet-history-after-pane path.history-change--changed")).hasSize(1);
        assertThat(browser.all(".leaflet-history-before-pane path.history-change--removed")).hasSize(1);
        assertThat(browser.find(".leaflet-history-before-pane path.history-change--changed").getAttribute("stroke-dasharray"))
                .as("the earlier shape of a changed feature is dashed").isNotBlank();
        assertThat(browser.find(".leaflet-history-after-pane path.history-change--added").getAttribute("stroke"))
                .isEqualTo("#1e8449");

        assertThat(browser.texts(".history-timeline li")).anyMatch(e -> e.contains("写入版本 " + second) && e.contains("bob"))
                .anyMatch(e -> e.contains("写入版本 " + first) && e.contains("alice"));

        browser.find(".history-form input[name='swipe']").click();
        browser.waitFor(".history-swipe input[type='range']");
        String clipped = (String) browser.script(
                "return document.querySelector('.leaflet-history-before-pane').style.getPropertyValue('clip-path')");
        assertThat(clipped).startsWith("polygon(");
        browser.script("const range = document.querySelector('.history-swipe input');"
                + " range.value = 20; range.dispatchEvent(new Event('input'));");
        String moved = (String) browser.script(
                "return document.querySelector('.leaflet-history-before-pane').style.getPropertyValue('clip-path')");
        assertThat(moved).as("the earlier version shows left of the line only").isNotEqualTo(clipped);
        assertThat(browser.find(".history-swipe-line").isDisplayed()).isTrue();
        browser.screenshot("map-09-version-swipe");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void choosingALayerListsItsVersionsAndTheComparisonGoesIntoTheLink() {
        browser.open("/?tab=history&lang=en");
        browser.waitFor(".history-form select[name='layer'] option[value='history-demo']");
        new Select(browser.find(".history-form select[name='layer']")).selectByValue("history-demo");
        browser.waitUntil("its versions listed", () -> browser.all(".history-form select[name='from'] option").size() == 2);
        assertThat(browser.find(".history-form select[name='to']").getAttribute("value")).isEqualTo(String.valueOf(second));
        assertThat(browser.find(".history-form select[name='from']").getAttribute("value")).isEqualTo(String.valueOf(first));
        assertThat(browser.texts(".history-form select[name='to'] option")).anyMatch(o -> o.contains("(current)"));
        browser.find(".history-form button[type='submit']").click();
        browser.waitUntil("the changes counted", () -> !browser.all(".history-totals").isEmpty());
        assertThat(browser.find(".history-totals").getText()).contains("1 added", "1 removed", "1 changed");
        browser.waitUntil("the link holds the comparison", () -> browser.driver().getCurrentUrl()
                .contains("compare=history-demo/" + first + "/" + second));

        // an editor signed in makes the earlier version current again from the comparison
        browser.find("#tab-imports").click();
        browser.find(".signin-form input[name='name']").sendKeys(EDITOR);
        browser.find(".signin-form input[name='password']").sendKeys(EDITOR_PASSWORD);
        browser.find(".signin-form button[type='submit']").click();
        browser.waitUntil("signed in", () -> browser.find(".editor-name").getText().equals(EDITOR));
        browser.find("#tab-history").click();
        browser.find(".history-form button[type='submit']").click();
        browser.waitFor("[data-restore='" + first + "']").click();
        browser.waitUntil("restored", () -> browser.find(".history-result").getText().contains("Version " + first + " restored"));
        assertThat(browser.texts(".history-form select[name='to'] option")).anyMatch(o -> o.startsWith("version " + first
                + " (current)"));
        assertThat(browser.texts(".history-timeline li")).anyMatch(e -> e.contains("version " + first + " restored")
                && e.contains(EDITOR));

        new Select(browser.find(".history-form select[name='layer']")).selectByValue("districts");
        browser.waitUntil("one version only", () -> browser.find(".history-result").getText().contains("one version only"));
        assertThat(browser.find(".history-form button[type='submit']").isEnabled()).isFalse();
        assertThat(browser.all(".leaflet-history-after-pane path")).as("the comparison is cleared").isEmpty();
        assertThat(browser.errors()).isEmpty();
    }

    private long write(String account, Map<String, String> features) {
        LayerDescription description = new LayerDescription("history-demo", LayerKind.IMPORTED, "地块", "Plots", null,
                null, null, "as delivered", null, null, null, null, null);
        List<Feature> list = features.entrySet().stream().map(e -> feature(e.getKey(), e.getValue())).toList();
        return store.writeLayer(new LayerSpec(description, FIELDS, "test", account), list.iterator(), WriteProgress.NONE)
                .version();
    }

    /** "name|wkt" of a box 0.01° high from (lon, 43.85). */
    private static String box(String name, double lon, double width) {
        double east = lon + width;
        return name + "|POLYGON ((" + lon + " 43.85, " + east + " 43.85, " + east + " 43.86, " + lon + " 43.86, " + lon
                + " 43.85))";
    }

    private static Feature feature(String id, String nameAndWkt) {
        String[] parts = nameAndWkt.split("\\|");
        try {
            Geometry geometry = new WKTReader().read(parts[1]);
            geometry.setSRID(4326);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name_zh", parts[0]);
            return new Feature(id, properties, geometry);
        } catch (ParseException e) {
            throw new IllegalArgumentException(nameAndWkt, e);
        }
    }
}
