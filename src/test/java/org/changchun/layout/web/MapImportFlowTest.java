package org.changchun.layout.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.changchun.layout.imports.JobRecord;
import org.changchun.layout.imports.JobStore;
import org.changchun.layout.store.WritePhase;
import org.changchun.layout.support.Gdal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A GIS editor imports a shapefile as Chinese agencies send them (GBK attributes, CGCS2000) from
 * the map page: sign in, dry run, report, confirm, progress to 100%, the new layer on the map.
 */
class MapImportFlowTest extends BrowserTest {

    private static final String GREEN_SPACE = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"名称":"南湖绿地","面积":2.4},
             "geometry":{"type":"Polygon","coordinates":[[[125.30,43.84],[125.33,43.84],[125.33,43.86],[125.30,43.86],[125.30,43.84]]]}},
            {"type":"Feature","properties":{"名称":"伊通河绿廊","面积":1.1},
             "geometry":{"type":"Polygon","coordinates":[[[125.34,43.87],[125.36,43.87],[125.36,43.90],[125.34,43.90],[125.34,43.87]]]}},
            {"type":"Feature","properties":{"名称":"北湖湿地","面积":3.0},
             "geometry":{"type":"Polygon","coordinates":[[[125.38,43.98],[125.42,43.98],[125.42,44.01],[125.38,44.01],[125.38,43.98]]]}}
            ]}""";

    @TempDir
    Path temp;

    @Autowired
    JobStore jobs;

    @Test
    void anEditorImportsAZippedShapefileAndSeesTheNewLayer() throws IOException {
        Path zip = zippedShapefile();
        browser.reset();
        browser.open("/?tab=imports");

        browser.find(".signin-form input[name='name']").sendKeys(EDITOR);
        browser.find(".signin-form input[name='password']").sendKeys("not-the-password");
        browser.find(".signin-form button[type='submit']").click();
        browser.waitFor(".import-report .error");
        assertThat(browser.find(".import-report .error").getText()).contains("用户名或密码不正确");
        assertThat(browser.find(".import-form").isDisplayed()).isFalse();
        assertThat(browser.errors()).as("the browser logs the refused sign-in, and nothing else")
                .allMatch(message -> message.contains("api/session") && message.contains("401"));

        browser.find(".signin-form input[name='name']").clear();
        browser.find(".signin-form input[name='name']").sendKeys(EDITOR);
        browser.find(".signin-form input[name='password']").clear();
        browser.find(".signin-form input[name='password']").sendKeys(EDITOR_PASSWORD);
        browser.find(".signin-form button[type='submit']").click();
        browser.waitFor(".import-form:not([hidden])");
        assertThat(browser.find(".editor-name").getText()).isEqualTo(EDITOR);

        browser.find(".import-form input[name='file']").sendKeys(zip.toAbsolutePath().toString());
        // the names are in the first step, filled in from the file's (Chinese) name
        WebElement titleZh = browser.find(".import-form input[name='title_zh']");
        WebElement layerId = browser.find(".import-form input[name='layer']");
        assertThat(titleZh.isDisplayed()).isTrue();
        browser.waitUntil("the names filled in from the file", () -> !titleZh.getDomProperty("value").isEmpty());
        assertThat(titleZh.getDomProperty("value")).isEqualTo("规划绿地");
        assertThat(browser.find(".import-form input[name='title_en']").getDomProperty("value")).isEqualTo("规划绿地");
        assertThat(layerId.getDomProperty("value")).matches("layer-[0-9a-f]{6}");
        layerId.clear();
        layerId.sendKeys("green-space");
        titleZh.clear();
        titleZh.sendKeys("规划绿地（测试）");
        browser.find(".import-form input[name='title_en']").clear();
        browser.find(".import-form input[name='title_en']").sendKeys("Planned green space (test)");
        browser.find(".import-form button[type='submit']").click();

        browser.waitFor(".import-report .shapefile");
        assertThat(browser.find("[data-report='count']").getText()).isEqualTo("3");
        String report = browser.find(".import-report").getText();
        assertThat(report).containsIgnoringCase("GBK").contains("4490").contains("（2）").contains("按参数匹配");
        assertThat(browser.find("[data-report='layer']").getText()).contains("规划绿地（测试）").contains("green-space");
        browser.screenshot("import-01-dry-run-report");

        browser.find(".import-report [data-action='confirm']").click();
        browser.waitFor(".job-state[data-state='SUCCEEDED']");
        assertThat(browser.find(".import-job progress").getAttribute("value")).isEqualTo("100");
        assertThat(browser.find(".job-state").getText()).contains("100%");
        String rate = browser.script("return fetch('api/imports/' + document.querySelector('.import-job').dataset.job)"
                + ".then((r) => r.json()).then((job) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })"
                + ".format(job.features_per_second));");
        assertThat(browser.find(".job-state").getText()).as("the page states the job's own rate, the log's too")
                .contains("平均每秒 " + rate + " 个");

        browser.waitFor(".layer[data-layer='green-space'] input:checked");
        browser.waitUntil("the new layer drawn", () -> browser.drawnFeatures("green-space") > 0);
        assertThat(browser.find(".layer[data-layer='green-space']").getText()).contains("规划绿地（测试）")
                .as("who imported it").contains("由 " + EDITOR + " 导入");
        browser.waitForMap();
        browser.screenshot("import-02-new-layer");
        String job = browser.find(".import-job").getAttribute("data-job");
        browser.waitUntil("the finished job leaves the link", () -> !browser.driver().getCurrentUrl().contains("job="));

        // a link to the job (or a reload while it runs) shows it again and opens the import panel;
        // the session survives the reload
        browser.open("/?job=" + job);
        browser.waitFor(".job-state[data-state='SUCCEEDED']");
        assertThat(browser.find("#pane-imports").isDisplayed()).isTrue();
        browser.waitFor(".import-form:not([hidden])");
        assertThat(browser.find(".editor-name").getText()).isEqualTo(EDITOR);

        browser.find(".signed-in [data-action='signout']").click();
        browser.waitFor(".signin-form:not([hidden])");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aJobPastItsLastFeatureNamesTheStepItIsInWithAMovingBar() {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jobs.create(new JobRecord(id, "big-points", "RUNNING", null, null, "big-points.zip", EDITOR, 1_000_000L, 1_000_000L,
                120_000d, null, null, null, now, now));
        jobs.phase(id, WritePhase.INDEXING);
        try {
            browser.reset();
            browser.open("/?tab=imports");
            browser.find(".signin-form input[name='name']").sendKeys(EDITOR);
            browser.find(".signin-form input[name='password']").sendKeys(EDITOR_PASSWORD);
            browser.find(".signin-form button[type='submit']").click();
            browser.waitFor(".import-form:not([hidden])");

            browser.open("/?job=" + id);
            browser.waitFor(".job-phase[data-phase='INDEXING']");
            assertThat(browser.find(".job-state").getText()).contains("导入中").contains("建立索引").contains("99%");
            assertThat(browser.find(".import-job progress").getDomAttribute("value"))
                    .as("no percent to show while indexes are built: an indeterminate bar").isNull();
            browser.screenshot("import-03-indexing");
        } finally {
            jobs.finish(id, "FAILED", null, "测试结束", "the test is over");
        }
        browser.waitFor(".job-state[data-state='FAILED']");
        assertThat(browser.find(".job-state").getText()).as("where the failed job stopped").contains("建立索引");
        assertThat(browser.find(".import-job progress").getDomAttribute("value")).isEqualTo("99");
    }

    @Test
    void aJobWaitingForAnotherSaysItsPlaceAndWhichJobItWaitsFor() {
        String running = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jobs.create(new JobRecord(running, "big-points", "RUNNING", null, null, "big-points.zip", EDITOR, 1_000_000L,
                10_000L, 50_000d, null, null, null, now, now));
        jobs.create(new JobRecord(waiting, "big-points", "QUEUED", null, running, "big-points-2.zip", EDITOR, 1_000L,
                0L, null, null, null, null, now, now));
        try {
            browser.reset();
            browser.open("/?job=" + waiting);
            browser.waitFor(".job-state[data-state='QUEUED'] .job-queue[data-place='1']");
            assertThat(browser.find(".job-state").getText()).contains("排队中").contains("第 1 位")
                    .contains(running.substring(0, 8));
            browser.screenshot("import-04-queued");
        } finally {
            jobs.finish(running, "FAILED", null, "测试结束", "the test is over");
            jobs.finish(waiting, "FAILED", null, "测试结束", "the test is over");
        }
        browser.waitFor(".job-state[data-state='FAILED']");
        assertThat(browser.all(".job-queue")).as("a job that ended waits for nothing").isEmpty();
    }

    /** Three polygons with Chinese attributes in GBK and a CGCS2000 .prj, zipped as agencies send them. */
    private Path zippedShapefile() throws IOException {
        Path source = temp.resolve("green-space.geojson");
        Files.writeString(source, GREEN_SPACE, StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(temp.resolve("shp"));
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-a_srs", "EPSG:4490",
                dir.resolve("规划绿地.shp").toString(), source.toString());
        Path zip = temp.resolve("规划绿地.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out);
             var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                zipped.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zipped);
                zipped.closeEntry();
            }
        }
        return zip;
    }
}
