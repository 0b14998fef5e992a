package com.alvh.console;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;

import com.alvh.testing.TestCallers;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium at 1280 px driven by Debian's chromedriver, installed by .ci/install-chromium.sh when
 * missing (a failed install fails the test, never skips it). Saves a screenshot per step to target/console-screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(240));
    }

    public static Browser open(URL base) throws IOException, InterruptedException {
        install();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--disable-dev-shm-usage");
        // the driver is given, so Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(300));
        Files.createDirectories(SCREENSHOTS);
        return new Browser(driver, base.toString());
    }

    private static void install() throws IOException, InterruptedException {
        if (new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute()) {
            return;
        }
        Process p = new ProcessBuilder(".ci/install-chromium.sh").inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0 || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException(".ci/install-chromium.sh could not install chromium and chromium-driver"
                    + " (exit " + exit + "); the browser tests need them");
        }
    }

    /** Signs in through the console's login form as one of the test users (com.alvh.testing.TestCallers). */
    void signIn(String user) {
        driver.manage().deleteAllCookies();
        go("/console/login");
        find("#j_username").sendKeys(user);
        find("#j_password").sendKeys(TestCallers.PASSWORD);
        click("button[type=submit]");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Waits for an element; compiling a candidate takes tens of seconds on a loaded machine, hence the long wait. */
    public WebElement find(String css) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("FAILED-" + css.replaceAll("[^A-Za-z0-9-]", "_"));
            } catch (IOException | RuntimeException ignored) {
                // the failure below says what matters
            }
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + "; the page says: "
                    + text.substring(0, Math.min(1500, text.length())), e);
        }
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Date inputs take keyboard input in the browser's locale; setting the value is locale-proof. */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    public Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Whether the page is wider than the window, i.e. scrolls horizontally. */
    boolean scrollsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /**
     * The form fields a screen reader could not name: visible inputs, selects and text areas with neither a
     * {@code <label for>}, an enclosing label, an {@code aria-label} nor {@code aria-labelledby}.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> unlabelledFields() {
        return (java.util.List<String>) script("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
                  .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]'))
                            && !e.closest('label') && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                  .map(e => e.outerHTML.substring(0, 120));""");
    }

    /** Whether every link, button and field can be reached with the Tab key (none taken out of the tab order). */
    boolean everyControlIsTabbable() {
        return (Boolean) script("""
                return Array.from(document.querySelectorAll('a[href], button, input, select, textarea'))
                  .filter(e => e.type !== 'hidden')
                  .every(e => e.tabIndex >= 0 && !e.disabled || e.disabled);""");
    }

    public void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
