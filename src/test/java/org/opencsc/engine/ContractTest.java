package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the public contract (../shared/contract.md) and checks every name in it against the
 * diagrams, the rules and the forms: each process key, each task key with its group, each
 * message, and each start and task variable (a field the server accepts and a form asks for).
 */
class ContractTest extends ApplicationTest {

  static final Path CONTRACT = Path.of("..", "shared", "contract.md");
  private static final Pattern SECTION = Pattern.compile("^## \\d+\\. `(\\w+)`.*$", Pattern.MULTILINE);
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([\\w-]+) \\| (.*) \\|$", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("`([a-z][A-Za-z0-9]*)`");
  private static final Pattern MESSAGE = Pattern.compile("message `(\\w+)`");

  private static final Pattern PART = Pattern.compile("^### (.+)$", Pattern.MULTILINE);
  /** A task with its group: "`approveS47Closure` (team-managers, four eyes)". */
  private static final Pattern TASK_WITH_GROUP = Pattern.compile("`(\\w+)` \\(([a-z]+(?:-[a-z]+)+)[,)]");
  /** A required field: "`qdNoticeSentAt`*" or "`nfaReasons` (* if ...)" or "`nfaReasons`* (at least ...)". */
  private static final Pattern REQUIRED = Pattern.compile("`(\\w+)`(?:\\*| \\(\\*)");
  /** A computed deadline: "`requestedVisitDueAt` = ...". */
  private static final Pattern DEADLINE = Pattern.compile("`(\\w+)` = ");
  /**
   * The parts of the contract's second round (third-level headings) built so far, and the process
   * each belongs to. A part joins this list when its process is built.
   */
  static final Map<String, String> BUILT_PARTS = Map.of("Missing episodes", "missingEpisode",
      "Strategy discussions", "strategyDiscussion", "Private fostering", "privateFostering",
      "Adoption", "adoptionDecision", "Escalation", "breachEscalation",
      "5. `childProtectionPlan`", "childProtectionPlan", "7. `lookedAfterReviews`", "lookedAfterReviews",
      "6. `practiceAlert`", "practiceAlert", "8. `publicLawOutline`", "publicLawOutline");

  private static String contract;
  private static final Map<String, String> parts = new LinkedHashMap<>();
  private static final Map<String, String> sections = new LinkedHashMap<>();
  private static final Map<String, BpmnModelInstance> diagrams = new HashMap<>();
  private static final Map<String, Set<String>> formKeys = new HashMap<>();

  @Autowired
  private ProcessCatalogue rules;

  @BeforeAll
  static void read() throws IOException {
    assertThat(CONTRACT).as("the contract beside the project (../shared/contract.md)").isRegularFile();
    contract = Files.readString(CONTRACT);
    Matcher section = SECTION.matcher(contract);
    List<int[]> bounds = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    while (section.find()) {
      keys.add(section.group(1));
      bounds.add(new int[] {section.end()});
    }
    for (int i = 0; i < keys.size(); i++) {
      int end = i + 1 < keys.size() ? contract.lastIndexOf("\n## ", bounds.get(i + 1)[0]) : contract.indexOf("\n## Compliance");
      sections.put(keys.get(i), contract.substring(bounds.get(i)[0], end < 0 ? contract.length() : end));
    }
    var resolver = new PathMatchingResourcePatternResolver();
    for (Resource resource : resolver.getResources("classpath*:bpmn/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        BpmnModelInstance diagram = Bpmn.readModelFromStream(in);
        diagram.getModelElementsByType(Process.class).forEach(process -> diagrams.put(process.getId(), diagram));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        JsonNode root = json.readTree(in);
        Set<String> keysOfForm = new HashSet<>();
        root.findValues("key").forEach(key -> keysOfForm.add(key.asText()));
        // A dynamic list (the attendees of a strategy discussion) is one field, named by its path.
        root.findParents("type").stream().filter(field -> "dynamiclist".equals(field.path("type").asText()))
            .forEach(list -> keysOfForm.add(list.path("path").asText()));
        formKeys.put(root.path("id").asText(), keysOfForm);
      }
    }
    assertThat(sections).as("process sections of the contract").hasSize(4);
    Matcher part = PART.matcher(contract);
    while (part.find()) {
      int end = contract.indexOf("\n#", part.end());
      parts.put(part.group(1).strip(), contract.substring(part.end(), end < 0 ? contract.length() : end));
    }
  }

  private static final Pattern TICKED = Pattern.compile("`([A-Za-z][A-Za-z0-9_]*)`");

  /**
   * The second round's Children part, against the API: each field it names is one
   * {@code POST /api/children} takes, and the gender and ethnicity codes are the registry's.
   */
  @Test
  void theChildrenPartIsWhatTheChildApiTakes() {
    String children = parts.get("Children");
    assertThat(children).as("the Children part").isNotNull();
    String fieldsLine = children.substring(0, children.indexOf("Bad values"));
    Matcher field = Pattern.compile("`(\\w+)` \\(").matcher(fieldsLine);
    Set<String> named = new LinkedHashSet<>();
    while (field.find()) {
      named.add(field.group(1));
    }
    named.add("uasc");
    named.add("allocatedTeam");
    named.add("allocatedWorker");
    assertThat(named).contains("laChildId", "upn", "gender", "ethnicity", "lookedAfterFrom");
    for (String name : named) {
      String refusal = api.post("/api/children", "sarah", Map.of("name", "Contract Child", "dateOfBirth", "2012-01-01",
          name, "?")).body();
      assertThat(refusal).as(name + " is a field of a child").doesNotContain("is not a field of a child");
    }
    assertThat(codesIn(children, "gender")).containsExactlyElementsOf(org.opencsc.child.ChildRegistry.GENDERS);
    assertThat(codesIn(children, "ethnicity")).containsExactlyElementsOf(org.opencsc.child.ChildRegistry.ETHNICITIES);
  }

  /** The codes listed in backticks after {@code `field`} up to the closing parenthesis. */
  private static List<String> codesIn(String part, String field) {
    int from = part.indexOf("`" + field + "` (");
    String list = part.substring(from + field.length() + 3, part.indexOf(")", from));
    List<String> codes = new ArrayList<>();
    Matcher code = TICKED.matcher(list);
    while (code.find()) {
      codes.add(code.group(1));
    }
    return codes;
  }

  /**
   * The Returns part, against the application: each {@code GET /api/returns/....csv} the contract
   * lists is offered, with exactly the contract's columns, in its order.
   */
  @Test
  void eachBuiltReturnTableHasTheContractsColumns() {
    String returns = parts.entrySet().stream().filter(part -> part.getKey().startsWith("Returns"))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
    Matcher table = Pattern.compile("`GET /api/returns/([\\w/]+)\\.csv\\?year=[^`]*` → `([^`]+)`").matcher(returns);
    int built = 0;
    while (table.find()) {
      var reply = api.get("/api/returns/" + table.group(1) + ".csv?year=2025-26", "tom");
      assertThat(reply.status()).as(table.group(1) + ": " + reply.body()).isEqualTo(200);
      built++;
      assertThat(reply.body().lines().findFirst().orElseThrow().replace("\"", ""))
          .as(table.group(1) + " columns").isEqualTo(table.group(2).replaceAll("\\s+", ""));
    }
    assertThat(built).as("return tables in the contract").isEqualTo(3);
  }

  /**
   * Each built part of the second round, against its process: every task named with its group is
   * a user task of that group, every message is in the diagram, every required field is one the
   * server asks for (and a form too, when a task asks for it), every computed deadline is set.
   */
  @Test
  void everyNameOfTheSecondRoundsBuiltPartsIsInItsProcess() {
    assertThat(parts.keySet()).as("parts of the second round").containsAll(BUILT_PARTS.keySet());
    for (Map.Entry<String, String> built : BUILT_PARTS.entrySet()) {
      String text = parts.get(built.getKey());
      String process = built.getValue();
      String where = built.getKey() + " (" + process + ")";
      BpmnModelInstance diagram = diagrams.get(process);
      assertThat(diagram).as("a diagram with process " + process).isNotNull();
      String xml = Bpmn.convertToString(diagram);
      int names = 0;
      Matcher task = TASK_WITH_GROUP.matcher(text);
      while (task.find()) {
        UserTask userTask = diagram.getModelElementById(task.group(1));
        assertThat(userTask).as(where + ": user task " + task.group(1)).isNotNull();
        assertThat(userTask.getCamundaCandidateGroups()).as(where + ": group of " + task.group(1))
            .isEqualTo(task.group(2));
        names++;
      }
      Matcher message = Pattern.compile("(?i)message `(\\w+)`").matcher(text);
      while (message.find()) {
        String name = message.group(1);
        assertThat(diagram.getModelElementsByType(Message.class)).as(where + ": message " + name)
            .anySatisfy(m -> assertThat(m.getName()).isEqualTo(name));
        names++;
      }
      Set<String> taskFields = new HashSet<>();
      Set<String> onForms = new HashSet<>();
      for (String taskKey : rules.taskKeys(process)) {
        TaskRules taskRules = rules.task(process, taskKey).orElseThrow();
        taskFields.addAll(taskRules.fields());
        UserTask userTask = diagram.getModelElementById(taskKey);
        if (userTask != null && userTask.getCamundaFormRef() != null) {
          Set<String> form = formKeys.getOrDefault(userTask.getCamundaFormRef(), Set.of());
          onForms.addAll(form);
          taskRules.derived().stream().filter(derived -> form.contains(derived.from()))
              .forEach(derived -> onForms.add(derived.field()));
        }
      }
      Set<String> accepted = new HashSet<>(taskFields);
      accepted.addAll(rules.start(process).orElseThrow().fields());
      diagram.getModelElementsByType(Message.class).forEach(m -> rules.message(process, m.getName())
          .ifPresent(messageRules -> accepted.addAll(messageRules.fields())));
      Matcher required = REQUIRED.matcher(text);
      while (required.find()) {
        String field = required.group(1);
        assertThat(accepted).as(where + ": the server asks for " + field).contains(field);
        if (taskFields.contains(field)) {
          assertThat(onForms).as(where + ": a form asks for " + field).contains(field);
        }
        names++;
      }
      Matcher deadline = DEADLINE.matcher(text);
      while (deadline.find()) {
        assertThat(xml).as(where + ": the diagram sets or reads deadline " + deadline.group(1))
            .contains(deadline.group(1));
        names++;
      }
      assertThat(names).as(where + ": names read from the contract").isPositive();
    }
  }

  @Test
  void everyProcessTaskGroupAndMessageIsInTheDiagrams() {
    for (Map.Entry<String, String> section : sections.entrySet()) {
      String process = section.getKey();
      BpmnModelInstance diagram = diagrams.get(process);
      assertThat(diagram).as("a diagram with process " + process).isNotNull();
      Matcher row = ROW.matcher(section.getValue());
      while (row.find()) {
        UserTask task = diagram.getModelElementById(row.group(1));
        assertThat(task).as(process + ": user task " + row.group(1)).isNotNull();
        assertThat(task.getCamundaCandidateGroups()).as(process + "/" + row.group(1) + " group").isEqualTo(row.group(2));
      }
      Matcher message = MESSAGE.matcher(section.getValue());
      while (message.find()) {
        String name = message.group(1);
        assertThat(diagram.getModelElementsByType(Message.class)).as(process + ": message " + name)
            .anySatisfy(m -> assertThat(m.getName()).isEqualTo(name));
      }
    }
  }

  @Test
  void everyTaskVariableIsAFieldOfItsStepAndOnItsForm() {
    for (Map.Entry<String, String> section : sections.entrySet()) {
      String process = section.getKey();
      Map<String, Set<String>> variables = taskVariables(section.getValue());
      for (Map.Entry<String, Set<String>> task : variables.entrySet()) {
        if (task.getValue().isEmpty()) {
          continue;
        }
        TaskRules taskRules = rules.task(process, task.getKey()).orElseThrow(
            () -> new AssertionError(process + "/" + task.getKey() + " has no rules"));
        UserTask userTask = diagrams.get(process).getModelElementById(task.getKey());
        Set<String> onForm = formKeys.getOrDefault(userTask.getCamundaFormRef(), Set.of());
        for (String variable : task.getValue()) {
          assertThat(taskRules.fields()).as(process + "/" + task.getKey() + " accepts " + variable).contains(variable);
          // A value worked out from another answer is asked for through that answer.
          String asked = taskRules.derived().stream().filter(derived -> derived.field().equals(variable))
              .map(TaskRules.Derived::from).findFirst().orElse(variable);
          assertThat(onForm).as(process + "/" + task.getKey() + " form asks for " + variable + " (as " + asked + ")")
              .containsAnyOf(variable, asked);
        }
      }
    }
  }

  @Test
  void everyStartVariableIsAStartFieldAndOnTheStartForm() {
    for (Map.Entry<String, String> section : sections.entrySet()) {
      String process = section.getKey();
      String body = section.getValue();
      String startLine = body.lines().filter(line -> line.startsWith("Start")).findFirst().orElseThrow();
      int next = body.indexOf(startLine) + startLine.length();
      String start = startLine + body.substring(next, body.indexOf("\n\n", next) < 0 ? next : body.indexOf("\n\n", next));
      StartRules startRules = rules.start(process).orElseThrow();
      String startForm = diagrams.get(process).getModelElementsByType(StartEvent.class).stream()
          .filter(event -> event.getCamundaFormRef() != null).findFirst().orElseThrow().getCamundaFormRef();
      Matcher name = NAME.matcher(start.substring(start.indexOf(':')).replaceAll("\\([^)]*\\)", ""));
      while (name.find()) {
        assertThat(startRules.fields()).as(process + " start accepts " + name.group(1)).contains(name.group(1));
        assertThat(formKeys.get(startForm)).as(process + " start form asks for " + name.group(1)).contains(name.group(1));
      }
    }
  }

  /** Task key → the variables the contract's table names for it. */
  static Map<String, Set<String>> taskVariables(String section) {
    Map<String, Set<String>> variables = new LinkedHashMap<>();
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      variables.put(row.group(1), new LinkedHashSet<>());
    }
    row.reset();
    while (row.find()) {
      String column = row.group(3).strip();
      Set<String> names = variables.get(row.group(1));
      Matcher same = Pattern.compile("^as `(\\w+)`").matcher(column);
      if (same.find()) {
        names.addAll(variables.getOrDefault(same.group(1), Set.of()));
        continue;
      }
      if (column.startsWith("opens") || column.startsWith("every")) {
        int colon = column.indexOf(':');
        column = colon < 0 ? "" : column.substring(colon);
      }
      // Names in brackets are conditions on other fields ("≥ `missingFrom`"), not this step's fields.
      Matcher name = NAME.matcher(column.replaceAll("\\([^)]*\\)", ""));
      while (name.find()) {
        if (!variables.containsKey(name.group(1))) {
          names.add(name.group(1));
        }
      }
    }
    return variables;
  }
}
