package io.rigledger.local;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's /usr/bin/chromium, driven by /usr/bin/chromedriver through
 * Selenium) looking at the console: signs in on Keycloak's own login page, opens pages, reads
 * their cells, saves screenshots and reads each page's server time from the browser's Navigation
 * Timing (the console's {@code Server-Timing: app;dur=...}). One fresh profile per browser, so each
 * person has a session of their own. The flags keep Chromium off the network this machine lacks.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("rigledger.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("rigledger.chromedriver", "/usr/bin/chromedriver");
    /** Where the screenshots go (deploy/local/target/screenshots). */
    static final Path SHOTS = Path.of("target", "screenshots");
    /** Server time of each page photographed, by page name; written beside the screenshots. */
    static final Map<String, PageTime> SERVER_TIMES = new ConcurrentHashMap<>();

    /** A page's server time (ms, Server-Timing "app"; -1: not sent) when shown ({@code first}) and reloaded ({@code again}). */
    record PageTime(String path, double first, double again) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;
    private final String consoleUrl;

    ConsoleBrowser(String consoleUrl) {
        this.consoleUrl = consoleUrl;
        try {
            profile = Files.createTempDirectory("console-it-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    /**
     * Opens {@code path} of the console, which must send the browser to Keycloak's login page; signs in
     * there as {@code user} (password = user name) and waits until the console shows {@code path} again.
     */
    void signIn(String path, String user) {
        driver.get(consoleUrl + path);
        signInHere(user);
        if (!url().equals(consoleUrl + path)) {
            throw new AssertionError("signed in on " + url() + " instead of the page asked for, " + consoleUrl + path);
        }
    }

    /** Signs in as {@code user} on the Keycloak login page the browser shows now, and waits for the console's page. */
    void signInHere(String user) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        if (!onKeycloakLogin()) {
            throw new AssertionError("expected Keycloak's login page, got " + driver.getCurrentUrl());
        }
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(consoleUrl));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /** Whether the browser shows the realm's own login form (Keycloak's authorization endpoint). */
    boolean onKeycloakLogin() {
        return url().contains("/realms/rigledger/") && !all("#username").isEmpty() && !all("#kc-login").isEmpty();
    }

    /** Opens {@code path} of the console (already signed in) and waits for the page. */
    void open(String path) {
        driver.get(consoleUrl + path);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    }

    /**
     * Clicks {@code element} (a link or a form's button) and waits until the next page has replaced this one. While the
     * old document is being replaced Chromium may answer the staleness check with "Node with given id does not belong to
     * the document" (a WebDriverException, not a stale element): that is asked again until the element is stale.
     */
    void clickAndWait(WebElement element) {
        element.click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(element));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    }

    WebDriver driver() {
        return driver;
    }

    /** Puts a cookie on the console's origin (open a console page first). */
    void setCookie(String name, String value) {
        driver.manage().addCookie(new Cookie(name, value, "/"));
    }

    /** The names of the cookies the browser sends to the console's current page. */
    List<String> cookieNames() {
        return driver.manage().getCookies().stream().map(Cookie::getName).sorted().toList();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The id of each element matching {@code css}, sorted. */
    List<String> ids(String css) {
        return all(css).stream().map(e -> e.getDomAttribute("id")).sorted().toList();
    }

    /** Waits (up to 30 s) until {@code condition} holds, looking again as the browser changes. */
    void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.getAsBoolean());
    }

    /** The data-value of each element matching {@code css}, as decimals (the service's numbers, unformatted). */
    List<BigDecimal> values(String css) {
        return all(css).stream().map(e -> e.getDomAttribute("data-value"))
                .map(v -> v == null || v.isEmpty() ? null : new BigDecimal(v)).toList();
    }

    /** The page's server time (ms, the console's Server-Timing "app" in Navigation Timing); -1 when absent. */
    double serverTime() {
        Object d = ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "var t = n && n.serverTiming ? n.serverTiming.filter(function (s) { return s.name === 'app'; }) : [];"
                        + "return t.length ? t[0].duration : -1;");
        return ((Number) d).doubleValue();
    }

    /** Every Server-Timing entry of the page as shown ({@code name;desc="...";dur=ms}, comma-separated): app and each service call. */
    String serverTimings() {
        Object entries = ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "return n && n.serverTiming ? n.serverTiming.map(function (s) {"
                        + " return s.name + (s.description ? ';desc=\"' + s.description + '\"' : '') + ';dur=' + s.duration; }).join(', ') : '';");
        return String.valueOf(entries);
    }

    /**
     * Saves a PNG of the page as target/screenshots/{@code name}.png and its server time as it was shown only (the
     * reloaded time -1): for a page that must not be asked for twice, such as the one that ended a session.
     */
    Path shotAsShown(String name) {
        double first = serverTime();
        Path target = png(name);
        SERVER_TIMES.put(name, new PageTime(url().substring(consoleUrl.length()), first, -1));
        return target;
    }

    private Path png(String name) {
        try {
            Files.createDirectories(SHOTS);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SHOTS.resolve(name + ".png");
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a PNG of the page as target/screenshots/{@code name}.png and, for a page of the console, records
     * its server time twice: as it was shown, and once more after a reload (the same request again, warm).
     */
    Path shot(String name) {
        double first = serverTime();
        Path target = png(name);
        driver.navigate().refresh();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        if (url().startsWith(consoleUrl)) {
            SERVER_TIMES.put(name, new PageTime(url().substring(consoleUrl.length()), first, serverTime()));
        }
        return target;
    }

    /** Runs {@code script} (async, its last argument the callback) in the page and returns what it called back with. */
    Object async(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
