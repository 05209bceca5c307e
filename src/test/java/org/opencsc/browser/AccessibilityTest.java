package org.opencsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.opencsc.rules.Groups;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * WCAG 2.2 AA in the real browser: axe-core finds no serious or critical violation on the login
 * page, the dashboard, or any of our forms as Tasklist shows them (every start form and every
 * step's form); and a social worker completes a step with the keyboard alone. What Camunda's own
 * Tasklist around our forms breaks is written to target/accessibility/ for docs/accessibility.md.
 */
class AccessibilityTest extends TasklistBrowserTest {

  /** A demo user of each group that works steps. */
  private static final Map<String, String> WORKER = Map.of(Groups.SOCIAL_WORKERS, "sarah", Groups.TEAM_MANAGERS, "tom",
      Groups.SERVICE_MANAGERS, "sean", Groups.AGENCY_DECISION_MAKERS, "ada", Groups.PANEL_ADVISERS, "pam",
      Groups.INDEPENDENT_REVIEWING_OFFICERS, "iris", Groups.LEGAL_ADVISERS, "lee", Groups.HEADS_OF_SERVICE, "hal");
  /** Who opens a start form that social workers may not use. */
  private static final Map<String, String> STARTER = Map.of("practiceAlert", "iris", "publicLawOutline", "tom");
  private static final Pattern UNKNOWN_VARIABLE = Pattern.compile("Cannot resolve identifier '(\\w+)'");
  private static final Path REPORTS = Path.of("target", "accessibility");

  @Test
  void theLoginPageAndTheDashboardHaveNoSeriousOrCriticalViolation() throws Exception {
    String base = "http://localhost:" + port;
    browser.get(base + "/login");
    assertThat(Axe.seriousOrCritical(browser, "html", null)).as("the login page").isEmpty();
    browser.findElement(By.name("username")).sendKeys("tom");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    browser.get(base + "/dashboard/");
    wait.until(driver -> "true".equals(driver.findElement(By.id("summary")).getDomAttribute("data-loaded")));
    assertThat(Axe.seriousOrCritical(browser, "html", null)).as("the dashboard").isEmpty();
  }

  @Test
  void everyOneOfOurFormsInTasklistHasNoSeriousOrCriticalViolation() throws Exception {
    Map<String, List<String>> tasksByUser = new TreeMap<>();
    List<String> startForms = new ArrayList<>();
    Map<String, String> formOfTask = new LinkedHashMap<>();
    List<String> opened = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
      BpmnModelInstance diagram;
      try (InputStream in = resource.getInputStream()) {
        diagram = Bpmn.readModelFromStream(in);
      }
      Process process = diagram.getModelElementsByType(Process.class).iterator().next();
      diagram.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
          .forEach(start -> startForms.add(process.getId()));
      for (UserTask step : diagram.getModelElementsByType(UserTask.class)) {
        String group = step.getCamundaCandidateGroups().split(",")[0].strip();
        // a child of its own for each case: one child is missing in one episode at a time
        ProcessInstance instance = openedAt(process.getId(), step.getId(),
            startAnswers(process.getId(), registerChild("Ama Accessible")));
        opened.add(instance.getId());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(step.getId()).singleResult();
        assertThat(task).as(process.getId() + "/" + step.getId() + " opened").isNotNull();
        tasksByUser.computeIfAbsent(WORKER.get(group), user -> new ArrayList<>()).add(task.getId());
        formOfTask.put(task.getId(), step.getCamundaFormRef());
      }
    }
    assertThat(formOfTask).hasSizeGreaterThan(30);

    try {
      Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
      Set<String> tasklistOwn = new LinkedHashSet<>();
      for (Map.Entry<String, List<String>> user : tasksByUser.entrySet()) {
        tasklist.login(user.getKey());
        for (String taskId : user.getValue()) {
          tasklist.openTask(taskId);
          List<Axe.Violation> inForm = Axe.seriousOrCritical(browser, ".fjs-container", null);
          if (!inForm.isEmpty()) {
            found.put(formOfTask.get(taskId), inForm);
          }
          if (taskId.equals(user.getValue().get(0))) { // Tasklist's own page, once for each role's menus
            Axe.check(browser, "html", ".fjs-container").forEach(v -> tasklistOwn.add(v.finding()));
          }
        }
        tasklist.logout();
      }
      // Each start form as someone who may start the process (an IRO raises an alert, a manager opens a PLO case).
      Map<String, List<String>> startersForms = new TreeMap<>();
      startForms.forEach(processKey -> startersForms.computeIfAbsent(STARTER.getOrDefault(processKey, "sarah"),
          user -> new ArrayList<>()).add(processKey));
      for (Map.Entry<String, List<String>> starter : startersForms.entrySet()) {
        tasklist.login(starter.getKey());
        for (String processKey : starter.getValue()) {
          tasklist.openStartForm(processKey);
          List<Axe.Violation> inForm = Axe.seriousOrCritical(browser, ".modal .fjs-container", null);
          if (!inForm.isEmpty()) {
            found.put(processKey + " start form", inForm);
          }
        }
        press(Keys.ESCAPE); // closes the last start form, which covers the account menu
        new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("the start form closed")
            .until(driver -> driver.findElements(By.cssSelector(".modal")).isEmpty());
        tasklist.logout();
      }
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve("tasklist-own.txt"), String.join("\n", tasklistOwn));
      assertThat(found).as("serious or critical violations in our forms").isEmpty();
      assertThat(tasklistOwn).as("Tasklist's own page around the forms, with our user styles and scripts")
          .noneMatch(finding -> finding.startsWith("serious ") || finding.startsWith("critical "));
    } finally {
      engine.getRuntimeService().deleteProcessInstances(opened, "accessibility test cases", true, true);
    }
    assertThat(startForms).hasSize(7);
  }

  @Test
  void aSocialWorkerCompletesAStepWithTheKeyboardAlone() throws IOException {
    ProcessInstance episode = missingEpisode("EP-KEYS-1");
    String taskId = task(episode, "recordReturn").getId();
    tasklist.login("sarah");
    assertThat(tasklist.canSeeTask(taskId)).isTrue(); // opened by its link, not claimed yet

    tabTo("button.claim");
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage("claimed and the form enabled")
        .until(driver -> driver.findElements(By.cssSelector(".disabled-form")).isEmpty());
    ZonedDateTime anHourAgo = ZonedDateTime.now(ZoneId.of("Europe/London")).minusHours(1);
    tabTo("[id$='-Field_returnedAt-date']");
    press(anHourAgo.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    tabTo("[id$='-Field_returnedAt-time']");
    press(anHourAgo.format(DateTimeFormatter.ofPattern("HH:mm")));
    tabTo("button", "Complete");
    Browser.screenshot(browser, "keyboard-only-complete");
    press(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage("the return recorded")
        .until(driver -> engine.getRuntimeService().getVariable(episode.getId(), "returnedAt") != null);
    assertThat(task(episode, "offerReturnInterview")).as("the next step opened").isNotNull();
  }

  /**
   * A case opened straight at a step, as an administrator may. The step's deadline, which earlier
   * steps would have set, is tomorrow: each one its timers ask for is given and the case opened again.
   */
  private ProcessInstance openedAt(String processKey, String stepId, Map<String, Object> answers) {
    Map<String, Object> variables = new HashMap<>(answers);
    for (int tries = 0; ; tries++) {
      try {
        return engine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey("A11Y-" + stepId)
            .setVariables(variables).startBeforeActivity(stepId).execute();
      } catch (ProcessEngineException unknown) {
        Matcher variable = UNKNOWN_VARIABLE.matcher(String.valueOf(unknown.getMessage()));
        if (tries > 10 || !variable.find()) {
          throw unknown;
        }
        variables.put(variable.group(1), Instant.now().plus(Duration.ofDays(1)).toString());
      }
    }
  }

  /**
   * What each process is started with (its start rules still apply when a case is opened at a
   * step), answers that show the form's conditional fields: a panel route, an IRM application.
   */
  private static Map<String, Object> startAnswers(String processKey, String child) {
    String anHourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
    Map<String, Object> answers = new HashMap<>(Map.of("childId", child));
    switch (processKey) {
      case "missingEpisode" -> answers.putAll(Map.of("episodeType", "MISSING", "missingFrom", anHourAgo));
      case "strategyDiscussion" -> answers.putAll(Map.of("referralReceivedAt", anHourAgo, "concern", "Bruising"));
      case "privateFostering" -> answers.putAll(Map.of("notifiedAt", anHourAgo, "notificationType", "STARTED",
          "arrangementStart", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString(), "intendedDurationDays", 90,
          "carerName", "Jo Bloggs", "carerRelationship", "FAMILY_FRIEND"));
      case "adoptionDecision" -> answers.putAll(Map.of("decisionType", "SHOULD_BE_PLACED", "route", "PANEL",
          "irmAppliedAt", anHourAgo));
      case "breachEscalation" -> answers.put("breachId", "A11Y-BREACH");
      case "practiceAlert" -> answers.putAll(Map.of("concern", "Drift", "changeSought", "Contact", "alertStage", 1,
          "iroRationale", "Not yet resolved"));
      case "publicLawOutline" -> answers.putAll(Map.of("legalGatewayOn", LocalDate.now(ZoneId.of("Europe/London")).toString()));
      case "lookedAfterReviews" -> answers.put("lookedAfterFrom", LocalDate.now(ZoneId.of("Europe/London")).toString());
      case "childProtectionPlan" -> answers.putAll(Map.of("icpcHeldOn",
          LocalDate.now(ZoneId.of("Europe/London")).toString(), "initialCategoryOfAbuse", "NEGLECT",
          "outcomesApproved", false, "managerRationale", "Outcomes need measurable targets"));
      default -> throw new IllegalArgumentException("No start answers for " + processKey);
    }
    return answers;
  }

  /** Presses Tab until the element matching the selector has the focus, as a keyboard user does. */
  private void tabTo(String selector) {
    tabTo(selector, "");
  }

  /** Presses Tab until an element matching the selector and showing this text has the focus. */
  private void tabTo(String selector, String text) {
    for (int presses = 0; presses < 80; presses++) {
      Object there = ((JavascriptExecutor) browser).executeScript("const e = document.activeElement;"
          + "return !!e && e.matches(arguments[0]) && (!arguments[1] || e.textContent.trim() === arguments[1]);",
          selector, text);
      if (Boolean.TRUE.equals(there)) {
        return;
      }
      press(Keys.TAB);
    }
    throw new AssertionError("80 presses of Tab did not reach " + selector + "; the focus is on "
        + ((JavascriptExecutor) browser).executeScript("return document.activeElement.outerHTML.slice(0, 200);"));
  }

  private void press(CharSequence keys) {
    new Actions(browser).sendKeys(keys).perform();
  }
}
