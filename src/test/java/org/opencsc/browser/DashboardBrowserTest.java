package org.opencsc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The compliance dashboard in a real browser: login, figures equal to the API, chart, escaping. */
class DashboardBrowserTest extends ApplicationTest {

  private WebDriver browser;
  @Autowired
  private JdbcTemplate jdbc;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
    // Every page records what its content security policy blocked (injected by the browser's
    // DevTools, which the policy does not govern).
    ((ChromiumDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aManagerLogsInAndSeesTheFiguresTheChartAndEscapedReasons() throws Exception {
    clockAt(Instant.parse("2027-03-01T12:00:00Z"));
    String child = registerChild("Dashboard Child");
    String reason = "<img src=x onerror=\"document.title='owned'\"> carer away";
    assertThat(api.post("/api/children", "sarah", Map.of("name", reason, "dateOfBirth", "2015-01-01"))
        .status()).as("markup is refused at the door").isEqualTo(400);
    lateInterview(child, "carer away");
    // Records from before that rule, or from another system writing to the database, may still
    // hold markup: the dashboard must show it as text.
    jdbc.update("update breach set reason = ? where child_id = ?", reason, child);
    jdbc.update("update child set name = ? where id = ?", "<img src=x onerror=\"document.title='owned'\">Dashboard Child",
        child);

    login("tom");
    browser.get(base() + "/dashboard/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(driver -> "true".equals(driver.findElement(By.id("summary")).getDomAttribute("data-loaded")));
    wait.until(driver -> !driver.findElements(By.cssSelector("#breaches tbody tr")).isEmpty());

    JsonNode summary = api.get("/api/compliance/summary", "tom").json();
    for (JsonNode process : summary) {
      WebElement card = browser.findElement(By.cssSelector("article[data-process='" + process.get("process").asText() + "']"));
      for (String figure : List.of("cases", "stepsDue", "stepsOnTime", "openSteps", "overdueSteps")) {
        assertThat(card.findElement(By.cssSelector("dd[data-figure='" + figure + "']")).getText())
            .as(process.get("process").asText() + " " + figure).isEqualTo(process.get(figure).asText());
      }
    }
    // The trend chart is drawn once its series (one per process) have arrived, which may be after the tables.
    wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "return !!(window.Chart && Chart.getChart(document.getElementById('trend')));")));
    Object chart = ((JavascriptExecutor) browser).executeScript(
        "return Chart.getChart(document.getElementById('trend')) ? Chart.getChart(document.getElementById('trend')).data.datasets.length : 0;");
    assertThat(((Number) chart).intValue()).isEqualTo(summary.size());

    List<WebElement> reasons = browser.findElements(By.xpath("//table[@id='breaches']//td[contains(., 'carer away')]"));
    assertThat(reasons).isNotEmpty();
    assertThat(reasons.get(0).getText()).isEqualTo(reason);
    assertThat(browser.findElements(By.cssSelector("#breaches img"))).isEmpty();
    wait.until(driver -> driver.findElements(By.cssSelector("#exports a")).size() == 5);
    assertThat(browser.findElements(By.cssSelector("#exports a"))).extracting(WebElement::getText)
        .containsExactly("Annex A list 5", "Annex A list 7", "Annex A list 8", "Annex A list 10", "breach register");
    assertThat(browser.findElement(By.linkText("Annex A list 7")).getDomAttribute("href"))
        .isEqualTo("/api/compliance/export/annex-a-list7.csv");
    assertThat(browser.getTitle()).isNotEqualTo("owned");

    Browser.screenshot(browser, "dashboard-team-manager");
    assertNothingBlocked();

    browser.findElement(By.id("child-id")).sendKeys(child);
    browser.findElement(By.cssSelector("#timeline-form button")).click();
    wait.until(driver -> !driver.findElements(By.cssSelector("#timeline li")).isEmpty());
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("<img src=x onerror=").contains("Dashboard Child")
        .contains("offerReturnInterview").contains("late")
        .as("the mails about the child's steps").contains("Mails").contains("Step due: ");
    assertThat(browser.findElements(By.cssSelector("#timeline img"))).isEmpty();
    assertThat(browser.getTitle()).isNotEqualTo("owned");
    Browser.screenshot(browser, "dashboard-child-timeline");
    assertNothingBlocked();
  }

  @Test
  void aDecisionMakerIsNotShownTheDashboard() throws Exception {
    login("ada");
    browser.get(base() + "/dashboard/");
    assertThat(browser.getPageSource()).contains("AuthorizationException");
    assertThat(browser.findElements(By.id("summary"))).isEmpty();
  }

  private void login(String user) {
    browser.get(base() + "/login");
    assertNothingBlocked();
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(user + " logged in")
        .until(driver -> !driver.getCurrentUrl().contains("/login"));
  }

  /** The page works within its content security policy: nothing it loads or runs was blocked. */
  private void assertNothingBlocked() {
    Object blocked = ((JavascriptExecutor) browser).executeScript("return window.cspViolations;");
    assertThat((List<?>) blocked).as("blocked by the content security policy on %s", browser.getCurrentUrl()).isEmpty();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void lateInterview(String child, String lateReason) {
    clockAt(Instant.parse("2027-02-27T11:00:00Z"));
    ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", child, "episodeType", "MISSING",
        "missingFrom", "2027-02-22T20:00:00Z"));
    complete(episode, "recordReturn", "sarah", variables("returnedAt", "2027-02-23T09:00:00Z"));
    clockAt(Instant.parse("2027-02-27T11:01:00Z"));
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", false,
        "rhiNotOfferedReason", "Placement moved", "lateReason", lateReason));
    clockAt(Instant.parse("2027-03-01T12:00:00Z"));
  }
}
