package org.changchun.layout.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, the way the browser tests use it: a fresh
 * profile per browser, the browser's console log kept, screenshots under target/screenshots/.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final List<String> policyViolations = new ArrayList<>();

    Browser(int port) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("plan-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        this.driver = new ChromeDriver(options);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Sets the size of the browser's window (the page's viewport, in headless Chromium). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Forgets what earlier tests left in the browser (language, sign-in, a watched import). */
    void reset() {
        driver.get(base + "/favicon.svg");
        script("localStorage.clear(); sessionStorage.clear();");
        driver.manage().deleteAllCookies();
    }

    /** Opens a page of the service (path and query) and waits until the map page has started. */
    void open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        waitFor("body[data-ready]");
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits until the condition holds; an element the page replaced while it was read is read again. */
    void waitUntil(String description, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).withMessage(description).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /**
     * Waits until the map has drawn every tile of the view and dropped those of the previous zoom:
     * the map is not busy, and still not busy 300 ms later (Leaflet removes the previous zoom's
     * tiles 250 ms after the new ones are in, and a zoom animation may start a new load meanwhile).
     */
    void waitForMap() {
        new WebDriverWait(driver, WAIT).withMessage("the map drawn").until(d -> {
            if (!idle()) {
                return false;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return idle();
        });
    }

    private boolean idle() {
        return !all("#map[aria-busy='false']").isEmpty();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    List<String> texts(String css) {
        return all(css).stream().map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs a script that ends by calling its last argument (Selenium's callback) with the result. */
    @SuppressWarnings("unchecked")
    <T> T asyncScript(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** The sum of data-features over the drawn tiles of a vector-tile layer, 0 when it is not on the map. */
    long drawnFeatures(String layer) {
        Number sum = script("return [...document.querySelectorAll(arguments[0])]"
                + ".reduce((n, c) => n + Number(c.dataset.features || 0), 0);", ".plan-layer--" + layer + " canvas");
        return sum.longValue();
    }

    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** How many pixels of a vector-tile layer's canvases are not transparent. */
    long paintedPixels(String layer) {
        Number sum = script("let n = 0; for (const c of document.querySelectorAll(arguments[0])) {"
                + " const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; } } return n;",
                ".plan-layer--" + layer + " canvas");
        return sum.longValue();
    }

    /** Console errors and failed requests the page logged since the last call. */
    List<String> errors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        errors.stream().filter(Browser::reportsPolicyViolation).forEach(policyViolations::add);
        return errors;
    }

    /**
     * Every Content-Security-Policy violation the browser reported in its console since it started,
     * whether or not a test read the console meanwhile.
     */
    List<String> policyViolations() {
        errors();
        return List.copyOf(policyViolations);
    }

    private static boolean reportsPolicyViolation(String message) {
        return message.contains("Content Security Policy");
    }

    /**
     * Loads a page and answers when its first meaningful paint happened, in ms after navigation
     * started: the six cities listed and the district tiles drawn.
     */
    double loadUntilFirstMeaningfulPaint(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        Number at = asyncScript("const done = arguments[arguments.length - 1];"
                + "const check = () => document.querySelector('.city-button')"
                + " && document.querySelector('.plan-layer--districts canvas[data-features]')"
                + " ? done(performance.now()) : setTimeout(check, 10);"
                + "check();");
        return at.doubleValue();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temp folder is harmless
        }
    }
}
