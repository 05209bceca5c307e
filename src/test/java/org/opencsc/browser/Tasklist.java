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

/**
 * Camunda Tasklist as a practitioner uses it: log in, pick a filter and a task, fill its form.
 * Every step waits for what Tasklist shows once it has done that step (a list loaded, a task
 * claimed, a form saved or sent), never for some time.
 */
final class Tasklist {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** The task list once loaded: its tasks, or its "No task matching filters found." */
  private static final By LIST_LOADED = By.cssSelector("[cam-tasks] .tasks-list, [cam-tasks] .well");
  /** The task shown on the right, its form, and the Tasklist notifications (errors from the server). */
  private static final By TASK_CARD = By.cssSelector("[cam-tasklist-task] .task-card");
  private static final By TASK_LOADING = By.cssSelector("[cam-tasklist-task] > .loader");
  private static final By FORM = By.cssSelector(".fjs-container");
  private static final By CLAIM = By.cssSelector("button.claim");
  private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");

  private final WebDriver browser;
  private final String base;
  private final WebDriverWait wait;

  Tasklist(WebDriver browser, int port) {
    this.browser = browser;
    this.base = "http://localhost:" + port;
    this.wait = new WebDriverWait(browser, TIMEOUT);
  }

  /** A wait that names what it waited for when it times out. */
  private WebDriverWait waitFor(String what) {
    return (WebDriverWait) new WebDriverWait(browser, TIMEOUT).withMessage(what);
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
    // The click empties the list at once (Loading...); it is drawn again once the filter's tasks arrive.
    wait.until(ExpectedConditions.presenceOfElementLocated(LIST_LOADED));
  }

  /** The ids of the tasks the open list shows, top to bottom. */
  List<String> listedTaskIds() {
    wait.until(driver -> !driver.findElements(By.cssSelector("a[href*='task=']")).isEmpty());
    return browser.findElements(By.cssSelector("a[href*='task=']")).stream()
        .map(link -> link.getDomAttribute("href").replaceAll(".*task=([^&]+).*", "$1")).toList();
  }

  /** What the open list shows for the task (its card: title, process, child, due by), once listed. */
  String listedCard(String taskId) {
    return wait.until(driver -> driver.findElements(By.cssSelector("li.task")).stream()
        .filter(card -> !card.findElements(By.cssSelector("a[href*='task=" + taskId + "']")).isEmpty())
        .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
  }

  /** Whether the task's card is on the first screen of the list, without scrolling. */
  boolean listedOnFirstScreen(String taskId) {
    WebElement link = browser.findElement(By.cssSelector("li.task a[href*='task=" + taskId + "']"));
    return (Boolean) ((JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", link);
  }

  /** The page's messages once one is shown, and how far down the window the first one starts (0 to 1). */
  Notice notice() {
    WebElement shown = wait.until(driver -> driver.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    Number top = (Number) ((JavascriptExecutor) browser).executeScript(
        "return arguments[0].getBoundingClientRect().top / window.innerHeight;", shown);
    return new Notice(shown.getText(), top.doubleValue());
  }

  record Notice(String text, double fromTop) {
  }

  /** Whether anything on the page shows Camunda's "migrate to Camunda 8" banner. */
  boolean vendorBannerShown() {
    return browser.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
  }

  /** The sort the list is shown in, as Tasklist labels it above the list. */
  String sortLabel() {
    return browser.findElement(By.cssSelector("[cam-sorting-choices], .sorting-choice, .tasks-list-sorting"))
        .getText().trim();
  }

  /**
   * What Tasklist shows for a task link: its form, or nothing the user may see. Returns once
   * Tasklist has settled either way: the task's form shown, or its refusal (the server answers
   * "No matching task with id ...", which Tasklist shows as a notification and clears the task).
   */
  boolean canSeeTask(String taskId) {
    openLink(taskId);
    waitFor("Tasklist to show task " + taskId + " or refuse it").until(driver ->
        taskLoaded(driver) && (formShown(driver) || refused(driver, taskId)));
    return !browser.findElements(FORM).isEmpty();
  }

  /** The text the open form shows (its headings, help and values shown), as a reader sees it. */
  String formText() {
    formSettled();
    return browser.findElement(FORM).getText();
  }

  /** The warning shown when the computer's clock is not on UK time (empty when none). */
  String zoneWarning() {
    return browser.findElements(By.id("opencsc-zone-warning")).stream().map(WebElement::getText).findFirst().orElse("");
  }

  /** Opens the start form of a process in Tasklist's "Start process" dialog, by the dialog's own link. */
  void openStartForm(String processKey) {
    browser.get(base + "/camunda/app/tasklist/default/#/?processStart=" + processKey);
    waitFor("the start form of " + processKey).until(driver -> driver.findElements(By.cssSelector(".modal .fjs-container"))
        .stream().anyMatch(WebElement::isDisplayed));
    formSettled();
  }

  /** Opens a task by its link, as from a filter's list or a notification. */
  void openTask(String taskId) {
    openLink(taskId);
    wait.until(driver -> taskLoaded(driver) && formShown(driver));
    List<WebElement> claim = browser.findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
    }
    // Claimed: Tasklist shows the assignee instead of the Claim button and enables the form.
    waitFor("task " + taskId + " claimed and its form enabled").until(driver ->
        driver.findElements(By.cssSelector(".disabled-form")).isEmpty()
            && driver.findElements(CLAIM).stream().noneMatch(WebElement::isDisplayed));
  }

  /**
   * Opens a task in the list being shown (its filter and sort kept), as clicking it there does.
   * A task already shown is closed first, and that waited for, so that whatever shows next is
   * the requested task's and not the last one's.
   */
  private void openLink(String taskId) {
    String[] current = browser.getCurrentUrl().split("#/\\?", 2);
    String kept = current.length < 2 ? "" : Arrays.stream(current[1].split("&"))
        .filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("task=")).collect(Collectors.joining("&"));
    String list = base + "/camunda/app/tasklist/default/#/?" + kept;
    if (current.length == 2 && current[1].contains("task=")) {
      browser.get(list);
    }
    waitFor("no task shown").until(driver -> taskLoaded(driver)
        && driver.findElements(TASK_CARD).isEmpty() && driver.findElements(FORM).isEmpty());
    browser.get(list + (kept.isEmpty() ? "" : "&") + "task=" + taskId);
  }

  private static boolean taskLoaded(WebDriver driver) {
    return driver.findElements(TASK_LOADING).stream().noneMatch(WebElement::isDisplayed);
  }

  private static boolean formShown(WebDriver driver) {
    return driver.findElements(FORM).stream().anyMatch(WebElement::isDisplayed);
  }

  /** Tasklist has given up on the task: a notification names it, and no task is shown. */
  private static boolean refused(WebDriver driver, String taskId) {
    return driver.findElements(TASK_CARD).isEmpty() && driver.findElements(NOTIFICATIONS).stream()
        .anyMatch(notification -> notification.isDisplayed() && notification.getText().contains(taskId));
  }

  String placeholder(String dateTimeKey) {
    return browser.findElement(By.cssSelector("[id$='-Field_" + dateTimeKey + "-date']")).getDomAttribute("placeholder");
  }

  WebElement field(String key) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /**
   * Types into a text field and leaves it, as a user does before pressing a button: the form
   * takes typed text only after 300 ms without typing or when the field is left, so leaving it
   * hands the text over at once.
   */
  void type(String key, String text) {
    WebElement field = inView(field(key));
    field.click();
    field.clear();
    field.sendKeys(text);
    Object left = ((JavascriptExecutor) browser).executeScript(
        "if (document.activeElement !== arguments[0]) { return false; } arguments[0].blur(); return true;", field);
    if (!Boolean.TRUE.equals(left)) {
      throw new IllegalStateException("Typing into " + key + " did not leave the focus on it");
    }
    wait.until(ExpectedConditions.attributeToBe(field, "value", text));
    formSettled();
  }

  /** A date-time field, the date typed as a UK user does (dd/mm/yyyy). */
  void dateTime(String key, String ukDate, String time) {
    WebElement date = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-date']"));
    date.click();
    date.sendKeys(ukDate, Keys.ENTER);
    WebElement clock = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-time']"));
    clock.click();
    clock.sendKeys(time, Keys.ENTER);
    formSettled();
  }

  void tick(String key) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", field(key));
    formSettled();
  }

  void choose(String key, int option) {
    WebElement radio = browser.findElement(By.cssSelector("[id$='-Field_" + key + "-" + option + "']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", radio);
    formSettled();
  }

  /**
   * The field of one row of a dynamic list (rows counted from 0): the form gives each row's copy of
   * a field the same id ending, so the rows are the matches in page order.
   */
  WebElement fieldInRow(String key, int row) {
    return waitFor(key + " in row " + row).until(driver -> {
      List<WebElement> copies = driver.findElements(By.cssSelector(
          "input[id*='-Field_" + key + "']:not(.fjs-select-hidden-input), textarea[id*='-Field_" + key + "'], [id*='-Field_" + key + "'].fjs-select-display"));
      return copies.size() > row ? copies.get(row) : null;
    });
  }

  /** Brings an element to the middle of the window, where no bar covers it, as a user scrolls to it. */
  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  /** Types into a text field of a dynamic list's row, and leaves it (see {@link #type}). */
  void typeInRow(String key, int row, String text) {
    WebElement field = inView(fieldInRow(key, row));
    field.click();
    // Emptied as a user does, key by key: the form hears each key, not a clear() done under it.
    field.sendKeys(Keys.END, Keys.chord(Keys.SHIFT, Keys.HOME), Keys.BACK_SPACE);
    field.sendKeys(text);
    ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", field);
    waitFor(key + " in row " + row + " reading '" + text + "'").until(driver -> text.equals(field.getDomProperty("value")));
    formSettled();
  }

  /** Picks an option of a select by the label shown, as a user does: open the list, click the entry. */
  void select(String key, int row, String label) {
    WebElement field = inView(fieldInRow(key, row));
    field.click();
    if ("input".equals(field.getTagName())) {
      field.sendKeys(label.substring(0, Math.min(3, label.length()))); // a searchable list narrows as one types
    }
    WebElement entry = waitFor("'" + label + "' offered for " + key).until(driver -> driver.findElements(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=\"" + label + "\"]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    new org.openqa.selenium.interactions.Actions(browser).moveToElement(entry).click().perform();
    formSettled();
  }

  /** The labels a select offers (opens the list, reads it, closes it again). */
  List<String> options(String key) {
    WebElement field = inView(fieldInRow(key, 0));
    field.click();
    List<String> labels = waitFor("the options of " + key).until(driver -> {
      List<String> shown = driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip).toList();
      return shown.isEmpty() ? null : shown;
    });
    field.sendKeys(Keys.ESCAPE);
    return labels;
  }

  /** Whether the form shows the field, once it has drawn what follows from the answers so far. */
  boolean visible(String key) {
    formSettled();
    return !browser.findElements(By.cssSelector("[id$='-Field_" + key + "']")).isEmpty();
  }

  WebElement completeButton() {
    return browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
  }

  /** Saves the answers in the browser: Save is enabled while the form has changes, disabled once they are kept. */
  void save() {
    By save = By.xpath("//button[normalize-space()='Save']");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(save));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", button);
    waitFor("the answers saved (Save disabled again)").until(driver -> !button.isEnabled());
  }

  /**
   * Presses Complete and waits for Tasklist's answer: the task closed (gone from the address, as
   * Tasklist does once the server accepted it) or a new notification (the form's or the server's
   * refusal).
   */
  void complete() {
    String url = browser.getCurrentUrl();
    if (!url.matches(".*[?&]task=[^&]+.*")) {
      throw new IllegalStateException("No task open to complete: " + url);
    }
    String taskId = url.replaceAll(".*[?&]task=([^&]+).*", "$1");
    List<WebElement> before = browser.findElements(NOTIFICATIONS);
    WebElement button;
    try {
      button = wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
    } catch (org.openqa.selenium.TimeoutException disabled) {
      throw new IllegalStateException("Complete stays disabled; the form's errors: " + errorsShown(), disabled);
    }
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", button);
    waitFor("task " + taskId + " completed or refused").until(driver ->
        !driver.getCurrentUrl().contains("task=" + taskId)
            || driver.findElements(NOTIFICATIONS).stream().anyMatch(shown -> !before.contains(shown)));
  }

  /** What the form marks wrong, by field id: a failure is then readable without a screenshot. */
  String errorsShown() {
    return String.valueOf(((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
        + "'[aria-invalid=true], .fjs-form-field-error')).map(e => (e.id || '') + ' ' + e.textContent).join(' | ');"));
  }

  /**
   * The error the form shows beside a field (empty when none), found as a screen reader finds it:
   * through the field's aria-describedby.
   */
  String errorBeside(String key) {
    return String.valueOf(((JavascriptExecutor) browser).executeScript(
        "const field = document.querySelector(\"[id$='-Field_\" + arguments[0] + \"']\");"
            + "if (!field) { return 'no field ' + arguments[0]; }"
            + "const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(id => id);"
            + "return ids.map(id => document.getElementById(id)).filter(e => e && e.classList.contains('fjs-form-field-error'))"
            + ".map(e => e.textContent.trim()).join(' ');", key));
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

  /**
   * Waits until the form has caught up with what was entered: a whole frame drawn without the
   * form changing. The form hands date and time entries on after the next frame is drawn, and
   * shows or hides fields that depend on an answer when it next draws.
   */
  private void formSettled() {
    waitFor("the form to stop changing").until(driver -> Boolean.TRUE.equals(
        ((JavascriptExecutor) driver).executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const form = document.querySelector('.fjs-container');"
                + "if (!form) { done(false); return; }"
                + "let changed = false;"
                + "const observer = new MutationObserver(() => changed = true);"
                + "observer.observe(form, {subtree: true, childList: true, attributes: true, characterData: true});"
                + "requestAnimationFrame(() => setTimeout(() => { observer.disconnect(); done(!changed); }));")));
  }
}
