package io.cityfin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through Debian's {@code /usr/bin/chromedriver} (never a driver or browser Selenium Manager
 * would download), headless, with the browser's console kept through {@code goog:loggingPrefs} (not CDP): every
 * SEVERE entry (a script error, a CSP violation, a failed load) is collected, and a test fails on any.
 */
final class OfficeBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final Path DOWNLOADS = Path.of("target", "downloads");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final String baseUrl;
    private final List<String> severe = new ArrayList<>();

    OfficeBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=zh-CN", "--disable-gpu");
        // a file the page saves (a bulletin's PDF, from a Blob) lands in target/, not in the user's home
        try {
            Files.createDirectories(DOWNLOADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the page at hash (without '#'), a fresh load. */
    void open(String hash) {
        driver.get(baseUrl + "/" + (hash.isEmpty() ? "" : "#" + hash));
    }

    /** Sets the viewport's size: the window is sized until the page's inner size is exactly width × height. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) script("return window.innerWidth");
        long innerHeight = (Long) script("return window.innerHeight");
        if (innerWidth != width || innerHeight != height) {
            driver.manage().window().setSize(new Dimension(width + (int) (width - innerWidth), height + (int) (height - innerHeight)));
        }
        assertThat((Long) script("return window.innerWidth")).isEqualTo(width);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs an asynchronous script: its last argument is the callback that answers. */
    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** Waits until script answers true (for what a click causes without rendering a view, such as a saved file). */
    void waitUntil(String script) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(script(script)));
    }

    /** Runs action and waits until the view it causes has rendered (the page sets body[data-state] to ready). */
    void andWait(Runnable action) {
        script("document.body.dataset.state = 'stale'");
        action.run();
        waitUntilReady();
    }

    void waitUntilReady() {
        waitForState("ready");
    }

    /** Waits until body[data-state] is state: ready (a view rendered) or key (the key panel shows). */
    void waitForState(String state) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> state.equals(script("return document.body.dataset.state")));
    }

    /** Forgets the tab's key (the page's sign-out button) and waits for the key panel. */
    void signOut() {
        find("#key-forget").click();
        waitForState("key");
    }

    /** Goes to a hash route in the open page (shown afresh if it is the one shown) and waits for it. */
    void go(String hash) {
        andWait(() -> script("if (location.hash === '#' + arguments[0]) { window.dispatchEvent(new HashChangeEvent('hashchange')); }"
                + " else { location.hash = arguments[0]; }", hash));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of css's first match as the reader sees it (textContent, whitespace removed). */
    String compactText(String css) {
        Object text = script("const e = document.querySelector(arguments[0]); return e ? e.textContent.replace(/\\s+/g, '') : null", css);
        return (String) text;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SEVERE console entries since the last call (a script error, a CSP violation, a failed request). */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        List<String> errors = List.copyOf(severe);
        severe.clear();
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
