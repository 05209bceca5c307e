package org.opencsc.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run). When
 * they are missing the browser tests fail with a clear message rather than being skipped.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Each browser's profile, under target/ so a clean build removes them (not left in /tmp). */
  static final Path PROFILES = Path.of("target", "chromium-profiles");

  private Browser() {
  }

  /** A council PC's browser: UK time, English (United Kingdom). */
  public static WebDriver open() throws IOException {
    return open("Europe/London", "en-GB");
  }

  /** A browser whose computer's clock is on this time zone, set to this language. */
  public static WebDriver open(String timeZone, String locale) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does this)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1100", "--lang=" + locale, "--accept-lang=" + locale,
        "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(PROFILES.toAbsolutePath()), "profile"));
    // The computer's clock: Tasklist shows dates in the browser's time zone.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(java.util.Map.of("TZ", timeZone)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // Headless Chromium ignores --lang for Intl's default locale (which the forms' date fields
    // follow), so the locale is set through the DevTools protocol.
    driver.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", locale));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Keeps a screenshot as a test artifact under target/screenshots. */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
