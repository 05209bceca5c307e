package org.opencsc.browser;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as a practitioner uses it: log in, pick a filter and a task, fill its form. */
final class Tasklist {

  private final WebDriver browser;
  private final String base;
  private final WebDriverWait wait;

  Tasklist(WebDriver browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  void login(String user) {
    browser.get(base + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'task-filters')]")));
  }

  List<String> filters() {
    wait.until(driver -> !driver.findElements(By.cssSelector(".task-filters .item")).isEmpty());
    return browser.findElements(By.cssSelector(".task-filters .item")).stream()
        .map(item -> item.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").trim()).toList();
  }

  void filter(String name) {
    WebElement item = wait.until(driver -> driver.findElements(By.cssSelector(".task-filters .item")).stream()
        .filter(candidate -> candidate.getText().trim().startsWith(name)).findFirst().orElse(null));
    item.findElement(By.cssSelector("a")).click();
    wait.until(driver -> item.getDomAttribute("class").contains("active"));
    pause();
  }

  /** The ids of the tasks the open list shows, top to bottom. */
  List<String> listedTaskIds() {
    wait.until(driver -> !driver.findElements(By.cssSelector("a[href*='task=']")).isEmpty());
    return browser.findElements(By.cssSelector("a[href*='task=']")).stream()
        .map(link -> link.getDomAttribute("href").replaceAll(".*task=([^&]+).*", "$1")).toList();
  }

  /** The sort the list is shown in, as Tasklist labels it above the list. */
  String sortLabel() {
    return browser.findElement(By.cssSelector("[cam-sorting-choices], .sorting-choice, .tasks-list-sorting"))
        .getText().trim();
  }

  /** What Tasklist shows for a task link: its form, or nothing the user may see. */
  boolean canSeeTask(String taskId) {
    openLink(taskId);
    pause();
    pause();
    return !browser.findElements(By.cssSelector(".fjs-container")).isEmpty();
  }

  /** Opens a task by its link, as from a filter's list or a notification. */
  void openTask(String taskId) {
    openLink(taskId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    List<WebElement> claim = browser.findElements(By.xpath("//button[normalize-space()='Claim']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
    }
    wait.until(driver -> driver.findElements(By.cssSelector(".disabled-form")).isEmpty());
    pause(); // the form is drawn again once claimed
  }

  /** Opens a task in the list being shown (its filter and sort kept), as clicking it there does. */
  private void openLink(String taskId) {
    String[] current = browser.getCurrentUrl().split("#/\\?", 2);
    String kept = current.length < 2 ? "" : Arrays.stream(current[1].split("&"))
        .filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("task=")).collect(Collectors.joining("&"));
    browser.get(base + "/camunda/app/tasklist/default/#/?" + (kept.isEmpty() ? "" : kept + "&") + "task=" + taskId);
  }

  String placeholder(String dateTimeKey) {
    return browser.findElement(By.cssSelector("[id$='-Field_" + dateTimeKey + "-date']")).getDomAttribute("placeholder");
  }

  WebElement field(String key) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  void type(String key, String text) {
    WebElement field = field(key);
    field.click();
    field.clear();
    field.sendKeys(text);
    pause();
  }

  /** A date-time field, the date typed as a UK user does (dd/mm/yyyy). */
  void dateTime(String key, String ukDate, String time) {
    WebElement date = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-date']"));
    date.click();
    date.sendKeys(ukDate, Keys.ENTER);
    WebElement clock = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-time']"));
    clock.click();
    clock.sendKeys(time, Keys.ENTER);
    pause();
  }

  void tick(String key) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", field(key));
  }

  void choose(String key, int option) {
    WebElement radio = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-" + option + "']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", radio);
  }

  boolean visible(String key) {
    return !browser.findElements(By.cssSelector("[id$='-Field_" + key + "']")).isEmpty();
  }

  WebElement completeButton() {
    return browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
  }

  void save() {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
        browser.findElement(By.xpath("//button[normalize-space()='Save']")));
    pause();
  }

  void complete() {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", completeButton());
    pause();
  }

  /** Waits for Tasklist to show a notification containing the text (an error from the server). */
  String notificationContaining(String text) {
    return wait.until(driver -> {
      String shown = (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText;");
      return shown.contains(text) ? shown : null;
    });
  }

  /** Everything the browser keeps for the site, keys and values. */
  String browserStorage() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "const dump = s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join(' ; ');"
            + "return 'local: ' + dump(localStorage) + ' session: ' + dump(sessionStorage);");
  }

  void logout() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".account .dropdown-toggle, [cam-header-views] .user, .navbar .account a"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.),'Log out')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  private void pause() {
    try {
      Thread.sleep(800);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
