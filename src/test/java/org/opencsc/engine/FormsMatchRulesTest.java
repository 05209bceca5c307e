package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
