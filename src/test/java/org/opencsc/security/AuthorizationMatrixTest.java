package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.Groups;

/**
 * Who sees a case's rows through the engine REST API (issue 21): one real case of each process,
 * and each group's demo user asking each runtime and history read endpoint for that case's rows.
 *
 * <p>The rule: a process and its history are read by the groups its diagram gives a user task to,
 * by team and service managers (every process) and by process analysts and administrators
 * (everything). At run time Camunda's own grants apply, unchanged: a task is seen by the group it
 * is open for; running instances, executions and variables only by analysts and administrators.
 * From the diagrams: missingEpisode, strategyDiscussion and privateFostering are worked by social
 * workers and team managers; adoptionDecision also by service managers, agency decision makers
 * and panel advisers.
 */
class AuthorizationMatrixTest extends ApplicationTest {

  /**
   * One demo user per group: social workers, team managers, service managers, agency decision
   * makers, panel advisers, process analysts, camunda-admin.
   */
  private static final List<String> USERS = List.of("sarah", "tom", "sean", "ada", "pam", "alex", "admin");
  /** The letter of each process in a cell of the table, in this order. */
  private static final String ORDER = "MSFA";

  /**
   * For each endpoint and user, the processes whose case the user sees rows of: M missingEpisode,
   * S strategyDiscussion, F privateFostering, A adoptionDecision; "-" where none. The cases stand
   * at: M risk assessed by sarah, open for the return (social workers) and the sign-off (team
   * managers); S just started by tom, open for scheduling (team managers); F just started, open
   * for the first visit (social workers); A report prepared by sarah and approved by tom, open for
   * the panel's recommendation (panel advisers). The administrator's column shows that every
   * endpoint holds rows of every case, so each "-" is a refusal, not an empty table. Runtime
   * variables: only those kept on the steps a user sees (whose case, due by; the task lists read
   * them), never the case's own.
   */
  private static final String EXPECTED = """
      endpoint                   | sarah | tom  | sean | ada  | pam  | alex | admin
      /process-instance          | ----  | ---- | ---- | ---- | ---- | MSFA | MSFA
      /task                      | M-F-  | MS-- | ---- | ---- | ---A | MSFA | MSFA
      /variable-instance         | M-F-  | MS-- | ---- | ---- | ---A | MSFA | MSFA
      /execution                 | ----  | ---- | ---- | ---- | ---- | MSFA | MSFA
      /process-definition        | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/process-instance  | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/activity-instance | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/task              | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/variable-instance | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/detail            | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/user-operation    | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/identity-link-log | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/incident          | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      /history/job-log           | MSFA  | MSFA | MSFA | ---A | ---A | MSFA | MSFA
      """;

  /** Each endpoint's query for one case's rows: {instance}, {definition}, {task} are filled in. */
  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("/process-instance", "processInstanceIds={instance}");
    QUERIES.put("/task", "processInstanceId={instance}");
    QUERIES.put("/variable-instance", "processInstanceIdIn={instance}");
    QUERIES.put("/execution", "processInstanceId={instance}");
    QUERIES.put("/process-definition", "processDefinitionId={definition}");
    QUERIES.put("/history/process-instance", "processInstanceId={instance}");
    QUERIES.put("/history/activity-instance", "processInstanceId={instance}");
    QUERIES.put("/history/task", "processInstanceId={instance}");
    QUERIES.put("/history/variable-instance", "processInstanceId={instance}");
    QUERIES.put("/history/detail", "processInstanceId={instance}");
    QUERIES.put("/history/user-operation", "processInstanceId={instance}");
    // Camunda's path for identity links; they name the task, not the case.
    QUERIES.put("/history/identity-link-log", "taskId={task}");
    QUERIES.put("/history/incident", "processInstanceId={instance}");
    QUERIES.put("/history/job-log", "processInstanceId={instance}");
  }

  @Test
  void eachGroupSeesTheRowsOfTheCasesOfTheProcessesItWorks() {
    Map<Character, ProcessInstance> cases = new LinkedHashMap<>();
    cases.put('M', missingEpisodeRiskAssessed());
    cases.put('S', strategyDiscussion());
    cases.put('F', privateFostering());
    cases.put('A', adoptionDecisionAtThePanel());
    cases.values().forEach(this::addHistoryKeptElsewhere);

    Map<String, Map<String, String>> expected = parse(EXPECTED);
    assertThat(expected.keySet()).as("every endpoint has a row").containsExactlyElementsOf(QUERIES.keySet());
    Map<String, Map<String, String>> seen = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> endpoint : QUERIES.entrySet()) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String user : USERS) {
        StringBuilder cell = new StringBuilder();
        for (char process : ORDER.toCharArray()) {
          ProcessInstance instance = cases.get(process);
          String path = "/engine-rest" + endpoint.getKey() + "?maxResults=100&" + endpoint.getValue()
              .replace("{instance}", instance.getId()).replace("{definition}", instance.getProcessDefinitionId())
              .replace("{task}", firstTask(instance));
          Reply reply = api.get(path, user);
          if (reply.status() != 200) {
            wrong.add(user + " GET " + path + " -> " + reply.status() + " " + reply.body());
            cell.append('!');
          } else {
            cell.append(reply.json().isEmpty() ? '-' : process);
          }
        }
        row.put(user, cell.toString());
        String want = expected.get(endpoint.getKey()).get(user);
        if (!cell.toString().equals(want)) {
          wrong.add(endpoint.getKey() + " " + user + ": saw " + cell + ", expected " + want);
        }
      }
      seen.put(endpoint.getKey(), row);
    }
    assertThat(wrong).as("cells that differ; the whole matrix seen:%n%s", format(seen)).isEmpty();
  }

  @Test
  void panelAdvisersAndDecisionMakersNoLongerReadMissingEpisodeRiskSummaries() {
    ProcessInstance episode = missingEpisodeRiskAssessed();
    String path = "/engine-rest/history/variable-instance?maxResults=100&variableName=riskSummary&processInstanceId="
        + episode.getId();
    for (String user : List.of("pam", "ada")) {
      Reply reply = api.get(path, user);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json()).as("%s reads the risk summary", user).isEmpty();
      Reply all = api.get("/engine-rest/history/variable-instance?maxResults=100&variableName=riskSummary", user);
      assertThat(all.json().findValuesAsText("processDefinitionKey")).as("%s reads any risk summary", user)
          .doesNotContain("missingEpisode");
    }
    assertThat(api.get(path, "tom").json().get(0).get("value").asText()).isEqualTo("Stayed with a friend");
  }

  // --- the cases, each started through the REST API by a user who may start it ---

  private ProcessInstance missingEpisodeRiskAssessed() {
    ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", registerChild("Matrix Missing"),
        "episodeType", "MISSING", "missingFrom", Instant.now().minus(Duration.ofHours(6)).toString()));
    complete(episode, "assessMissingRisk", "sarah", lowRiskAssessment());
    return episode;
  }

  private ProcessInstance strategyDiscussion() {
    return startProcess("strategyDiscussion", "tom", variables("childId", registerChild("Matrix Strategy"),
        "referralReceivedAt", Instant.now().minus(Duration.ofHours(2)).toString(), "concern", "Bruising reported by school",
        "urgent", true));
  }

  private ProcessInstance privateFostering() {
    String child = api.post("/api/children", "sarah", Map.of("name", "Matrix Fostered", "dateOfBirth", "2015-03-01",
        "lookedAfter", false, "disabled", false)).json().get("id").asText();
    return startProcess("privateFostering", "sarah", variables("childId", child,
        "notifiedAt", Instant.now().minus(Duration.ofHours(1)).toString(), "notificationType", "STARTED",
        "arrangementStart", LocalDate.now().toString(), "intendedDurationDays", 90, "carerName", "Mrs Ada Lovelace",
        "carerRelationship", "FAMILY_FRIEND"));
  }

  private ProcessInstance adoptionDecisionAtThePanel() {
    ProcessInstance decision = startProcess("adoptionDecision", "sarah", variables("childId", registerChild("Matrix Adoption"),
        "decisionType", "SHOULD_BE_PLACED", "route", "PANEL"));
    complete(decision, "prepareChildPermanenceReport", "sarah", variables("cprChildAndFamily", "Lives with foster carers",
        "siblingCount", 0, "cprHealthSummary", "Healthy", "cprWishesAndFeelings", "Too young", "cprContact", "Letterbox",
        "cprChronology", "2024-2027", "cprOptionsAnalysis", "Adoption best"));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
    return decision;
  }

  /**
   * The rows the engine's case-audit level no longer writes but databases still hold: a variable
   * change and a candidate group (kept at the full level, before ADR 0008 and after an
   * administrator returns to it), a job that ran; and an incident, resolved.
   */
  private void addHistoryKeptElsewhere(ProcessInstance instance) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String key = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
    String task = firstTask(instance);
    configuration.getCommandExecutorTxRequired().execute(context -> {
      Date now = new Date();
      HistoricVariableUpdateEventEntity detail = new HistoricVariableUpdateEventEntity();
      detail.setId(configuration.getIdGenerator().getNextId());
      detail.setProcessDefinitionKey(key);
      detail.setProcessDefinitionId(instance.getProcessDefinitionId());
      detail.setProcessInstanceId(instance.getId());
      detail.setRootProcessInstanceId(instance.getId());
      detail.setExecutionId(instance.getId());
      detail.setVariableName("matrixNote");
      detail.setSerializerName("string");
      detail.setTextValue("a note");
      detail.setTimestamp(now);
      detail.setSequenceCounter(1);
      context.getDbEntityManager().insert(detail);

      HistoricIdentityLinkLogEventEntity link = new HistoricIdentityLinkLogEventEntity();
      link.setId(configuration.getIdGenerator().getNextId());
      link.setTime(now);
      link.setType("candidate");
      link.setGroupId(Groups.SOCIAL_WORKERS);
      link.setTaskId(task);
      link.setProcessDefinitionId(instance.getProcessDefinitionId());
      link.setProcessDefinitionKey(key);
      link.setOperationType("add");
      link.setRootProcessInstanceId(instance.getId());
      context.getDbEntityManager().insert(link);

      HistoricJobLogEventEntity job = new HistoricJobLogEventEntity();
      job.setId(configuration.getIdGenerator().getNextId());
      job.setTimestamp(now);
      job.setJobId(configuration.getIdGenerator().getNextId());
      job.setJobDefinitionType("timer-intermediate-transition");
      job.setProcessInstanceId(instance.getId());
      job.setRootProcessInstanceId(instance.getId());
      job.setExecutionId(instance.getId());
      job.setProcessDefinitionId(instance.getProcessDefinitionId());
      job.setProcessDefinitionKey(key);
      job.setState(JobState.SUCCESSFUL.getStateCode());
      job.setSequenceCounter(1);
      context.getDbEntityManager().insert(job);
      return null;
    });
    String waiting = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().get(0)
        .getExecutionId();
    Incident incident = engine.getRuntimeService().createIncident("matrixCheck", waiting, "matrix", "a check");
    engine.getRuntimeService().resolveIncident(incident.getId());
  }

  private String firstTask(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1).stream().map(HistoricTaskInstance::getId)
        .findFirst().orElseThrow();
  }

  // --- the table ---

  private static Map<String, Map<String, String>> parse(String table) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    List<String> lines = table.lines().filter(line -> !line.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    assertThat(header.subList(1, header.size())).as("the table's users").containsExactlyElementsOf(USERS);
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i < cells.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.put(cells.get(0), row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    return List.of(line.split("\\|")).stream().map(String::trim).toList();
  }

  private static String format(Map<String, Map<String, String>> seen) {
    StringBuilder table = new StringBuilder(String.format("%-27s| %s%n", "endpoint", String.join(" | ", USERS)));
    seen.forEach((endpoint, row) -> table.append(String.format("%-27s| %s%n", endpoint, String.join(" | ", row.values()))));
    return table.toString();
  }
}
