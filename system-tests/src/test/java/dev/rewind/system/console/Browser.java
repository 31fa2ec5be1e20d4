package dev.rewind.system.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium, driven through Debian's chromedriver, for the console's browser tests. */
public final class Browser implements AutoCloseable {

    /** Debian's chromium (its launcher script), never a browser that Selenium Manager would download. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromium-driver, never one that Selenium Manager would download. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long {@link #await} waits for a condition before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Where {@link #screenshot} writes, relative to the module (the tests' working directory). */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    /** Selenium warns at every start that it ships no DevTools module for Debian's Chromium version; none is used. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeOptions options) {
        require();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * A desktop-sized browser: a 1280x900 window, whose viewport is 1280x757 (headless Chromium keeps room for the
     * toolbars it doesn't draw).
     */
    public static Browser desktop() {
        return new Browser(options(1280, 900));
    }

    /**
     * A phone-sized browser: a 390x844 viewport (CSS pixels) at device pixel ratio 2, with touch events and the
     * mobile layout rules (a page's meta viewport is honoured).
     */
    public static Browser phone() {
        ChromeOptions options = options(390, 844);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "mobile", true, "touch", true)));
        return new Browser(options);
    }

    private static ChromeOptions options(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root, without a user namespace sandbox, and with a /dev/shm that may be small (containers, CI).
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height));
        return options;
    }

    /** Whether Debian's chromium and chromium-driver are installed (the browser tests need both). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Fails (not skips) when the browser is missing, naming the packages that bring it. */
    public static void require() {
        if (!available()) {
            throw new IllegalStateException("The console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ", which are missing: apt-get install chromium chromium-driver (.ci/run installs them)");
        }
    }

    /** The underlying WebDriver, for anything these helpers don't cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and returns once the page's load event has fired. */
    public void open(String url) {
        driver.get(url);
    }

    /** Waits up to {@link #TIMEOUT} for {@code condition} and returns its value; fails the test on a timeout. */
    public <T> T await(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** The element {@code locator} finds, once it is visible. */
    public WebElement find(By locator) {
        return await(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Clicks the element {@code locator} finds, once it is visible and enabled. */
    public void click(By locator) {
        await(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Saves what the viewport shows as {@code target/console-screenshots/<name>.png} and returns that file. */
    public Path screenshot(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a screenshot's name is a plain file name, without .png: " + name);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    /** Quits the browser and stops its chromedriver. */
    @Override
    public void close() {
        driver.quit();
    }
}
