package org.passerelle.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system Chromium, headless, driven by the system ChromeDriver (nothing is downloaded), with
 * a throw-away profile; the few gestures the browser tests share. Close it after the tests.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with a window of the given size in CSS pixels (412×915 is a common phone). */
    static HeadlessChromium open(int width, int height) {
        try {
            var profile = Files.createTempDirectory("passerelle-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Signs in on the login page, starting from {@code page}, and waits to land on a URL matching {@code landing}. */
    void signIn(String page, String username, String password, String landing) {
        driver.manage().deleteAllCookies();
        driver.get(page);
        await(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        tap(driver.findElement(By.cssSelector("form.login button[type=submit]")));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlMatches(landing));
    }

    /** The element once it is visible. */
    WebElement await(By what) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /** Clicks like a finger: the element is brought to the middle of the screen first. */
    void tap(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
