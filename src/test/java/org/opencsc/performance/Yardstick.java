package org.opencsc.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.opencsc.CaseJourney;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The yardstick issue 28 decided for whole cases: our own diagrams, their decision tables and
 * forms, unchanged in structure, for the bare Camunda engine secured as Camunda documents it;
 * with the listeners written into the diagrams removed and each service task's, send task's and
 * message throw's code replaced by a no-op ({@code ${null}}). Our other listeners are added to
 * every diagram while it is parsed, which the bare engine does not do. Built from {@code bpmn/}
 * and {@code forms/} with the BPMN model API each run, so it follows every diagram change.
 *
 * <p>What our service tasks and listeners compute and the diagrams' own expressions then read
 * (a deadline for a timer or a due date, a flag for a gateway, an input of a decision table) is
 * given to the yardstick's case as start variables instead: deadlines well after the journey,
 * flags as the journey's path needs them (a form's answer is not computed: a journey that does not
 * pass its form does not reach what reads it). A diagram reading a new computed value fails the
 * benchmark with its name until a value is given here.
 */
final class Yardstick {

  private static final Path DIAGRAMS = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  /** Flags and counts our code computes, as the journeys' paths need them. */
  private static final Map<String, Object> COMPUTED = Map.of(
      "episodesInWindow", 1, // missing episode: the child's first in the window, so not repeat missing
      "allRequiredAgenciesPresent", true, // strategy discussion: police and health took part
      "privatelyFostered", true, // private fostering: the decision table's answer, kept by a listener
      "childDisabled", false,
      "childAgeYears", 11);
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?!\\s*\\()");
  private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or",
      "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");

  private Yardstick() {
  }

  /**
   * Writes each journey's diagram (without our code), every decision table and every form into
   * {@code directory}; returns each process's start variables standing in for what our code computes.
   */
  static Map<String, Map<String, Object>> write(List<CaseJourney> journeys, Path directory) throws IOException {
    Map<String, Map<String, Object>> computed = new LinkedHashMap<>();
    List<String> decisionInputs = new ArrayList<>();
    Set<String> answered = new LinkedHashSet<>(); // every form's fields: answers on paths the journeys do not take
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(file -> file.toString().endsWith(".form")).toList()) {
        Files.copy(form, directory.resolve(form.getFileName()));
        new ObjectMapper().readTree(form.toFile()).findValuesAsText("key").forEach(answered::add);
      }
    }
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".dmn")) {
          Files.copy(file, directory.resolve(file.getFileName()));
          DmnModelInstance decisions = Dmn.readModelFromFile(file.toFile());
          decisions.getModelElementsByType(InputExpression.class)
              .forEach(input -> decisionInputs.addAll(identifiers(input.getText().getTextContent())));
          continue;
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (CaseJourney journey : journeys) {
          if (model.getModelElementById(journey.processKey()) instanceof Process) {
            withoutOurCode(model);
            Bpmn.writeModelToFile(directory.resolve(file.getFileName()).toFile(), model);
            computed.put(journey.processKey(), readButNotGiven(model, journey, decisionInputs, answered));
          }
        }
      }
    }
    for (CaseJourney journey : journeys) {
      if (!computed.containsKey(journey.processKey())) {
        throw new IllegalStateException("No diagram in " + DIAGRAMS + " defines " + journey.processKey());
      }
    }
    return computed;
  }

  /** Removes the listeners written into the diagram and makes every piece of our code a no-op. */
  static void withoutOurCode(BpmnModelInstance model) {
    for (Class<? extends ModelElementInstance> listener : List.of(CamundaExecutionListener.class,
        CamundaTaskListener.class)) {
      for (ModelElementInstance each : new ArrayList<>(model.getModelElementsByType(listener))) {
        each.getParentElement().removeChildElement(each);
      }
    }
    List<ModelElementInstance> code = new ArrayList<>();
    code.addAll(model.getModelElementsByType(ServiceTask.class));
    code.addAll(model.getModelElementsByType(SendTask.class));
    code.addAll(model.getModelElementsByType(MessageEventDefinition.class));
    model.getModelElementsByType(BusinessRuleTask.class).stream()
        .filter(task -> task.getCamundaDecisionRef() == null).forEach(code::add);
    for (ModelElementInstance element : code) {
      boolean hadCode = false;
      for (String attribute : List.of("class", "delegateExpression", "expression", "resultVariable", "type", "topic")) {
        if (element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute) != null) {
          element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, attribute);
          hadCode = true;
        }
      }
      if (hadCode) {
        element.setAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "expression", "${null}");
      }
    }
  }

  /**
   * The variables the diagram's expressions (conditions, timers, due dates) and its decision
   * tables read that the journey does not give: deadlines a month after now, flags from {@link #COMPUTED}.
   */
  private static Map<String, Object> readButNotGiven(BpmnModelInstance model, CaseJourney journey,
      Collection<String> decisionInputs, Set<String> answered) {
    Set<String> dates = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle()).filter(java.util.Objects::nonNull)
          .forEach(definition -> dates.addAll(expressionIdentifiers(definition.getTextContent())));
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      dates.addAll(expressionIdentifiers(task.getCamundaDueDate()));
      dates.addAll(expressionIdentifiers(task.getCamundaFollowUpDate()));
    }
    model.getModelElementsByType(ConditionExpression.class)
        .forEach(condition -> others.addAll(expressionIdentifiers(condition.getTextContent())));
    others.addAll(decisionInputs);
    Set<String> given = journey.variableNames();
    given.addAll(answered);
    model.getModelElementsByType(BusinessRuleTask.class).stream().map(BusinessRuleTask::getCamundaResultVariable)
        .filter(java.util.Objects::nonNull).forEach(given::add);
    Map<String, Object> variables = new LinkedHashMap<>();
    String deadline = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    for (String name : dates) {
      if (!given.contains(name)) {
        variables.put(name, deadline);
      }
    }
    for (String name : others) {
      if (given.contains(name) || variables.containsKey(name)) {
        continue;
      }
      if (!COMPUTED.containsKey(name)) {
        throw new IllegalStateException(journey.processKey() + " reads " + name + ", which our code computes: give "
            + "the yardstick a value for it in Yardstick.COMPUTED");
      }
      variables.put(name, COMPUTED.get(name));
    }
    return variables;
  }

  private static Set<String> expressionIdentifiers(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text == null) {
      return names;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      names.addAll(identifiers(expression.group(1)));
    }
    return names;
  }

  private static List<String> identifiers(String expression) {
    String withoutStrings = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
    List<String> names = new ArrayList<>();
    Matcher identifier = IDENTIFIER.matcher(withoutStrings);
    while (identifier.find()) {
      if (!NOT_VARIABLES.contains(identifier.group(1))) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }
}
