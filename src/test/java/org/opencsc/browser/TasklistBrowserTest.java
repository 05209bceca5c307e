package org.opencsc.browser;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opencsc.ApplicationTest;
import org.openqa.selenium.WebDriver;

/** A test that drives the real Tasklist in a real browser, one fresh browser per test. */
abstract class TasklistBrowserTest extends ApplicationTest {

  protected WebDriver browser;
  protected Tasklist tasklist;

  @BeforeEach
  void openBrowser() throws IOException {
    browser = Browser.open();
    tasklist = new Tasklist(browser, port);
  }

  /** Swaps the browser for one whose computer is on another time zone and language. */
  protected void reopenBrowser(String timeZone, String locale) throws IOException {
    closeBrowser();
    browser = Browser.open(timeZone, locale);
    tasklist = new Tasklist(browser, port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }
}
