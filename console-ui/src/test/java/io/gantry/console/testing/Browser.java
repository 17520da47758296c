package io.gantry.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, given by path so that Selenium Manager never reaches for
 * the network; plus the waits a Vaadin page needs.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() throws IOException {
        profile = Files.createTempDirectory("gantry-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    public void open(String url) {
        driver.get(url);
        awaitVaadin();
    }

    /**
     * Loads a page without waiting for Flow: a page that is not the console's (an application's own site), or one
     * whose wait a benchmark measures itself.
     */
    public void openPlain(String url) {
        driver.get(url);
    }

    /** Runs a script that calls its last argument when done (within the usual bound) and returns what it passed. */
    public Object asyncScript(String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until the element is present and the Flow client has no request in flight. */
    public WebElement find(String css) {
        WebElement element = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        awaitVaadin();
        return element;
    }

    public boolean isPresent(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Types into a Vaadin field: its {@code <input>} sits in the light DOM under the field element. */
    public void type(String fieldCss, String text) {
        WebElement input = find(fieldCss + " input");
        input.clear();
        input.sendKeys(text);
    }

    /** Types into a Vaadin text area: its {@code <textarea>} sits in the light DOM under the field element. */
    public void typeArea(String fieldCss, String text) {
        WebElement area = find(fieldCss + " textarea");
        area.clear();
        area.sendKeys(text);
    }

    /** Sends keystrokes to an element that takes them itself (a terminal), as a person typing there would. */
    public void sendKeys(String css, String keys) {
        WebElement element = find(css);
        element.click();
        element.sendKeys(keys);
    }

    /** An attribute of an element, or null when the element or attribute is missing. */
    public String attribute(String css, String name) {
        Object value = script("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
        return value == null ? null : value.toString();
    }

    /** Clicks an element after scrolling it to the middle of its scroll container (the app layout's, not the page's). */
    public void click(String css) {
        WebElement element = find(css);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        awaitVaadin();
    }

    /** Clicks something that loads a new page (a form post), and waits until the new page has replaced the old. */
    public void clickAndAwaitNewPage(String css) {
        script("window.__gantryOldPage = true;");
        find(css).click();
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(script("return !window.__gantryOldPage;")));
        awaitVaadin();
    }

    /** Gives a file to a {@code vaadin-upload}; its file input sits in the upload's shadow root. */
    public void upload(String uploadCss, Path file) {
        WebElement input = (WebElement) script("const u = arguments[0];"
                + "return (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]')) || u.querySelector('input[type=file]');",
                find(uploadCss));
        input.sendKeys(file.toAbsolutePath().toString());
        awaitVaadin();
    }

    /** Waits, polling within the usual bound, until the condition holds. */
    public void await(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).withMessage(() -> what).until(d -> condition.getAsBoolean());
        awaitVaadin();
    }

    /** Waits, polling, until the condition holds, for at most {@code limit} (a deployment, a site coming up). */
    public void await(String what, Duration limit, BooleanSupplier condition) {
        new WebDriverWait(driver, limit).withMessage(() -> what).until(d -> condition.getAsBoolean());
    }

    public String text(String css) {
        return find(css).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void awaitPath(String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "path " + path + ", but the browser shows " + driver.getCurrentUrl())
                .until(d -> currentPath().equals(path));
        awaitVaadin();
    }

    public void awaitVaadin() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    /** Scrolls the element into view, e.g. before a screenshot of it. */
    public void scrollTo(String css) {
        script("arguments[0].scrollIntoView({block: 'center'});", find(css));
    }

    public void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("gantry.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        TestFiles.deleteTree(profile);
    }
}
