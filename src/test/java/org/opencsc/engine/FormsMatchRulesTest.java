package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.FieldRules;
import org.opencsc.rules.FieldType;
import org.opencsc.rules.ProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forms in Tasklist ask for what the server enforces, no more and no less: every user task
 * of every diagram has a deployed form and a candidate group; a form's input fields are the
 * step's fields; fields the server always requires are marked required; fields it requires only
 * in some answers are shown only then and required when shown; and every task key with rules
 * exists in its diagram.
 */
class FormsMatchRulesTest extends ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "checkbox", "radio", "select", "datetime", "number", "checklist", "taglist");

  private static final Map<String, JsonNode> forms = new HashMap<>();
  private static final List<BpmnModelInstance> diagrams = new ArrayList<>();

  @Autowired
  private ProcessCatalogue catalogue;

  @BeforeAll
  static void read() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        JsonNode json = JSON.readTree(in);
        String stem = form.getFilename().replace(".form", "");
        assertThat(json.path("id").asText()).as("form id of " + form.getFilename()).isEqualTo(stem);
        forms.put(stem, json);
      }
    }
    for (Resource diagram : resolver.getResources("classpath*:bpmn/*.bpmn")) {
      try (InputStream in = diagram.getInputStream()) {
        diagrams.add(Bpmn.readModelFromStream(in));
      }
    }
    assertThat(diagrams).isNotEmpty();
  }

  @Test
  void everyUserTaskHasADeployedFormAndACandidateGroupAndItsFormMatchesItsRules() {
    for (BpmnModelInstance diagram : diagrams) {
      for (Process process : diagram.getModelElementsByType(Process.class)) {
        // One executable process per file, so every user task of the file is this process's.
        for (UserTask task : diagram.getModelElementsByType(UserTask.class)) {
          String where = process.getId() + "/" + task.getId();
          assertThat(task.getCamundaCandidateGroups()).as(where + " candidate group").isNotBlank();
          assertThat(task.getCamundaFormRefBinding()).as(where + " form binding").isEqualTo("deployment");
          JsonNode form = forms.get(task.getCamundaFormRef());
          assertThat(form).as(where + " form " + task.getCamundaFormRef()).isNotNull();
          catalogue.task(process.getId(), task.getId()).ifPresent(rules -> {
            Set<String> allowed = new LinkedHashSet<>(rules.fields());
            allowed.add(TaskRules.LATE_REASON);
            assertFormMatches(where, form, rules, allowed);
          });
          Set<String> shown = new LinkedHashSet<>();
          catalogue.task(process.getId(), task.getId())
              .ifPresent(rules -> rules.shown().forEach(value -> shown.add(value.variable())));
          catalogue.start(process.getId()).ifPresent(start -> start.shown().forEach(value -> shown.add(value.variable())));
          assertShowsTimesInUkTime(where, form.path("components"), shown);
        }
      }
    }
  }

  @Test
  void everyStartFormMatchesItsStartRules() {
    for (BpmnModelInstance diagram : diagrams) {
      for (Process process : diagram.getModelElementsByType(Process.class)) {
        for (StartEvent start : diagram.getModelElementsByType(StartEvent.class)) {
          if (start.getCamundaFormRef() == null) {
            continue;
          }
          JsonNode form = forms.get(start.getCamundaFormRef());
          assertThat(form).as(process.getId() + " start form").isNotNull();
          StartRules rules = catalogue.start(process.getId()).orElseThrow();
          assertFormMatches(process.getId() + " start", form, rules, rules.fields());
        }
      }
    }
  }

  /**
   * What only the server can check (rules across answers, the clock, the case, who is signing) is
   * listed for practitioners and analysts in docs/form-checks.md, step by step, in the words of
   * the form. The page is made from the rules: when it is out of date the test writes the new one
   * to target/form-checks.md to copy over.
   */
  @Test
  void whatOnlyTheServerChecksIsListedStepByStep() throws IOException {
    Map<String, String> formOf = new HashMap<>();
    for (BpmnModelInstance diagram : diagrams) {
      for (Process process : diagram.getModelElementsByType(Process.class)) {
        diagram.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
            .forEach(start -> formOf.put(process.getId() + "/start", start.getCamundaFormRef()));
        diagram.getModelElementsByType(UserTask.class)
            .forEach(task -> formOf.put(process.getId() + "/" + task.getId(), task.getCamundaFormRef()));
      }
    }
    StringBuilder page = new StringBuilder(String.join("\n",
        "# What the form checks, and what only the server checks",
        "",
        "Made from the rules by `FormsMatchRulesTest`; do not edit by hand (the test writes the new page to",
        "`target/form-checks.md` when the rules change).",
        "",
        "Each form in Tasklist checks, as you fill it in, what it can: required answers (a required box",
        "must be ticked), the longest text a field may hold, the shortest reasons, the least number, the",
        "shape of a list of user ids, and the choices offered. The server checks all of these again, and",
        "also what a form in the browser cannot know. For every text answer: plain text only, no HTML",
        "or script markup. For every date and time: a real date, read in UK time. For every step: who",
        "may do it (a manager signing off cannot sign off their own work), and its deadline.",
        "",
        "When the server refuses an answer, the form shows the reason at the top, in the form's words",
        "(\"“When the child returned” must not be in the future.\"); nothing is saved and the step stays",
        "open.",
        "",
        "## Checked only by the server, step by step",
        ""));
    for (ProcessRules process : catalogue.processes()) {
      List<String> rows = new ArrayList<>();
      rows.addAll(serverOnlyRows("Start", forms.get(formOf.get(process.processKey() + "/start")), process.start()));
      for (TaskRules task : process.tasks()) {
        JsonNode form = forms.get(formOf.get(process.processKey() + "/" + task.taskKey()));
        rows.addAll(serverOnlyRows("`" + task.taskKey() + "`", form, task));
        task.exclusions().forEach(exclusion -> rows.add("| `" + task.taskKey() + "` | who completes it | "
            + exclusion.rule() + " |"));
        if (!task.signsOffTaskKeys().isEmpty()) {
          rows.add("| `" + task.taskKey() + "` | who completes it | not the person who completed "
              + String.join(" or ", task.signsOffTaskKeys().stream().map(key -> "`" + key + "`").toList())
              + " (four eyes) |");
        }
      }
      page.append("\n### ").append(process.title()).append(" (`").append(process.processKey()).append("`)\n\n");
      if (rows.isEmpty()) {
        page.append("Nothing beyond the checks every step has.\n");
      } else {
        page.append("| Step | Answer | Rule |\n|---|---|---|\n");
        rows.forEach(row -> page.append(row).append("\n"));
      }
    }
    String expected = page.toString();
    Path docs = Path.of("docs/form-checks.md");
    String actual = Files.exists(docs) ? Files.readString(docs) : "";
    if (!actual.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/form-checks.md"), expected);
    }
    assertThat(actual).as("docs/form-checks.md is out of date: copy target/form-checks.md over it").isEqualTo(expected);
  }

  private static List<String> serverOnlyRows(String step, JsonNode form, FieldRules<?> rules) {
    Map<String, String> labels = new HashMap<>();
    if (form != null) {
      collectLabels(form.path("components"), labels);
    }
    List<String> rows = new ArrayList<>();
    for (FieldRules.Check check : rules.checks()) {
      if (check.serverOnly()) {
        String label = labels.get(check.field());
        rows.add("| " + step + " | " + (label == null ? "`" + check.field() + "`" : "“" + label + "” (`" + check.field() + "`)")
            + " | " + check.rule().replace("|", "\\|") + " |");
      }
    }
    return rows;
  }

  private static void collectLabels(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      String key = component.has("key") ? component.path("key").asText() : component.path("path").asText();
      if (!key.isEmpty() && component.has("label")) {
        labels.putIfAbsent(key, component.path("label").asText());
      }
      collectLabels(component.path("components"), labels);
    }
  }

  @Test
  void everyTaskWithRulesExistsInItsDiagram() {
    Map<String, Set<String>> tasksByProcess = new HashMap<>();
    for (BpmnModelInstance diagram : diagrams) {
      for (Process process : diagram.getModelElementsByType(Process.class)) {
        Set<String> ids = tasksByProcess.computeIfAbsent(process.getId(), key -> new LinkedHashSet<>());
        diagram.getModelElementsByType(UserTask.class).forEach(task -> ids.add(task.getId()));
      }
    }
    for (String processKey : tasksByProcess.keySet()) {
      for (String taskKey : catalogue.taskKeys(processKey)) {
        assertThat(tasksByProcess.get(processKey)).as("rules for a task missing from the diagram of " + processKey)
            .contains(taskKey);
      }
    }
  }

  private static void assertFormMatches(String where, JsonNode form, FieldRules<?> rules, Set<String> allowed) {
    Map<String, JsonNode> inputs = new HashMap<>();
    collectInputs(form.path("components"), inputs);
    for (Map.Entry<String, JsonNode> input : inputs.entrySet()) {
      assertThat(allowed).as(where + ": form field " + input.getKey() + " is not a field the server accepts")
          .contains(input.getKey());
    }
    // Tasklist tells the practitioner the limit as they type, not after they submit.
    for (Map.Entry<String, JsonNode> input : inputs.entrySet()) {
      FieldType type = rules.fields().contains(input.getKey()) ? rules.typeOf(input.getKey()) : null;
      int limit = type == FieldType.TEXT ? FieldType.MAX_TEXT_LENGTH : type == FieldType.LINE ? FieldType.MAX_LINE_LENGTH : 0;
      // a choice from a list cannot be typed too long
      limit = "select".equals(input.getValue().path("type").asText()) ? 0 : limit;
      if (limit > 0) {
        assertThat(input.getValue().path("validate").path("maxLength").asInt())
            .as(where + ": " + input.getKey() + " must have validate.maxLength " + limit).isEqualTo(limit);
      }
    }
    for (String field : rules.requiredFields()) {
      JsonNode component = inputs.get(field);
      assertThat(component).as(where + ": required field " + field + " missing from the form").isNotNull();
      if (!"checkbox".equals(component.path("type").asText())) {
        assertThat(component.path("validate").path("required").asBoolean())
            .as(where + ": " + field + " must be marked required").isTrue();
        assertThat(component.path("conditional").path("hide").isMissingNode())
            .as(where + ": always-required " + field + " must not be hidden").isTrue();
      }
    }
    Set<String> derived = rules instanceof TaskRules task ? task.derivedFields() : Set.of();
    assertBrowserChecksMatch(where, inputs, rules, derived);
    for (String field : rules.conditionallyRequiredFields()) {
      if (derived.contains(field)) {
        continue; // worked out from another answer the form asks for (attendance, from who took part)
      }
      JsonNode component = inputs.get(field);
      assertThat(component).as(where + ": conditional field " + field + " missing from the form").isNotNull();
      if (!"checkbox".equals(component.path("type").asText())) {
        assertThat(component.path("validate").path("required").asBoolean())
            .as(where + ": " + field + " must be required when shown").isTrue();
        assertThat(component.path("conditional").path("hide").asText())
            .as(where + ": " + field + " must be shown only when it applies").isNotBlank();
      }
    }
  }

  /** The checks a form may carry beyond "required" and the length of its type, and the rules that back them. */
  private static final Set<String> RULE_BACKED = Set.of("minLength", "min", "max", "pattern");

  /**
   * Field by field, the form checks in the browser what the server's rules let it check: each rule
   * with a form equivalent is in the field's {@code validate}; each such check in a form is backed
   * by a rule (a form stricter than the server would stop a valid answer); a choice offers exactly
   * the codes the server takes; a whole number takes no decimals; a box marked required (which in
   * Camunda Forms means ticked) is one the server requires ticked.
   */
  private static void assertBrowserChecksMatch(String where, Map<String, JsonNode> inputs, FieldRules<?> rules,
      Set<String> derived) {
    Map<String, Map<String, Object>> backed = new HashMap<>();
    for (FieldRules.Check check : rules.checks()) {
      if (check.serverOnly()) {
        continue;
      }
      backed.computeIfAbsent(check.field(), field -> new HashMap<>()).putAll(check.formValidation());
      if (derived.contains(check.field())) {
        continue;
      }
      JsonNode component = inputs.get(check.field());
      assertThat(component).as(where + ": " + check.field() + " (checked by the form) missing from the form").isNotNull();
      check.formValidation().forEach((key, value) -> assertThat(component.path("validate").path(key).asText())
          .as(where + ": " + check.field() + " must have validate." + key + " " + value + " (" + check.rule() + ")")
          .isEqualTo(String.valueOf(value)));
    }
    for (Map.Entry<String, JsonNode> input : inputs.entrySet()) {
      String field = input.getKey();
      JsonNode component = input.getValue();
      Map<String, Object> fieldChecks = backed.getOrDefault(field, Map.of());
      for (String key : RULE_BACKED) {
        if (component.path("validate").has(key)) {
          assertThat(fieldChecks).as(where + ": " + field + " validate." + key + " has no rule on the server behind it")
              .containsKey(key);
        }
      }
      if ("checkbox".equals(component.path("type").asText()) && component.path("validate").path("required").asBoolean()) {
        assertThat(fieldChecks).as(where + ": " + field + " is required (ticked) in the form but not by the server,"
            + " so a worker could not answer no").containsKey("required");
      }
      if (!rules.fields().contains(field)) {
        continue;
      }
      FieldType type = rules.typeOf(field);
      if (!type.codes().isEmpty()) {
        Set<String> offered = new LinkedHashSet<>();
        component.path("values").forEach(option -> offered.add(option.path("value").asText()));
        assertThat(offered).as(where + ": " + field + " must offer exactly the codes the server takes")
            .containsExactlyInAnyOrderElementsOf(type.codes());
      }
      if (type == FieldType.INTEGER) {
        assertThat(component.path("type").asText()).as(where + ": " + field + " is a whole number").isEqualTo("number");
        assertThat(component.path("decimalDigits").asText()).as(where + ": " + field + " takes no decimals")
            .isEqualTo("0");
      }
    }
  }

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  /**
   * A form shows a time it does not ask for as the server wrote it in UK time ({@code
   * showsInUkTime}), never as a read-only date-time field, which Tasklist would show on the
   * browser's clock; and every value a form's text names is one the step keeps for it, or the
   * form would show a blank.
   */
  private static void assertShowsTimesInUkTime(String where, JsonNode components, Set<String> shown) {
    for (JsonNode component : components) {
      if ("datetime".equals(component.path("type").asText())) {
        assertThat(component.path("disabled").asBoolean() || component.path("readonly").asBoolean())
            .as(where + ": " + component.path("key").asText() + " is shown on the browser's clock; show "
                + component.path("key").asText() + FieldRules.IN_UK_TIME + " in a text instead").isFalse();
      }
      Matcher named = TEMPLATE.matcher(component.path("text").asText());
      while (named.find()) {
        assertThat(shown).as(where + ": the form shows {{" + named.group(1) + "}}, which the step does not keep")
            .contains(named.group(1));
      }
      assertShowsTimesInUkTime(where, component.path("components"), shown);
    }
  }

  /** Input components a user fills in (read-only display fields are not sent). */
  private static void collectInputs(JsonNode components, Map<String, JsonNode> inputs) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        // a list answer: one field (its path), its rows' own fields belong to each entry
        inputs.put(component.path("path").asText(), component);
        continue;
      }
      if (component.has("components")) {
        collectInputs(component.path("components"), inputs);
      }
      if (INPUT_TYPES.contains(component.path("type").asText()) && !component.path("disabled").asBoolean()
          && !component.path("readonly").asBoolean() && component.has("key")) {
        inputs.put(component.path("key").asText(), component);
      }
    }
  }
}
