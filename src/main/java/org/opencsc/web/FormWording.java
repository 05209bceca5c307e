package org.opencsc.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.AsSystem;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.RuleViolation.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refusal as the person filling in the form reads it: each field by its label on that form, a
 * box to tick as "Tick ...", times in UK form; no variable names. The REST API's own wording
 * (field names, for systems) is unchanged; this is for the form doors (submit-form).
 */
final class FormWording {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z0-9]*\\b");
  private static final Pattern ISO_TIME = Pattern.compile(
      "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");

  private FormWording() {
  }

  /** The refusal in the words of the task's form, one sentence per broken rule. */
  static String forForm(ProcessEngine engine, String taskId, RuleViolation violation) {
    Map<String, Field> fields = fieldsOf(engine, taskId);
    List<String> sentences = new ArrayList<>();
    for (Problem problem : violation.problems()) {
      sentences.add(sentence(problem, fields));
    }
    return String.join(" ", sentences);
  }

  static String sentence(Problem problem, Map<String, Field> fields) {
    Field field = fields.getOrDefault(problem.field(), new Field(spoken(problem.field()), ""));
    String rule = problem.rule();
    if ("checkbox".equals(field.type()) && rule.startsWith("must be true")) {
      return "Tick \u201c" + field.label() + "\u201d.";
    }
    String words = inUkTime(withLabels(rule, fields));
    return "\u201c" + field.label() + "\u201d " + words + (words.endsWith(".") ? "" : ".");
  }

  /** Other fields a rule names ("must not be before returnedAt") by their labels. */
  private static String withLabels(String rule, Map<String, Field> fields) {
    Matcher word = WORD.matcher(rule);
    StringBuilder out = new StringBuilder();
    while (word.find()) {
      Field named = fields.get(word.group());
      String replacement = named != null ? "\u201c" + named.label() + "\u201d"
          : word.group().chars().anyMatch(Character::isUpperCase) ? spoken(word.group()) : word.group();
      word.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    word.appendTail(out);
    return out.toString();
  }

  private static String inUkTime(String text) {
    Matcher time = ISO_TIME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (time.find()) {
      String readable;
      try {
        readable = LondonTime.forReading(OffsetDateTime.parse(time.group()).toInstant());
      } catch (DateTimeParseException notATime) {
        readable = time.group();
      }
      time.appendReplacement(out, Matcher.quoteReplacement(readable));
    }
    time.appendTail(out);
    return out.toString();
  }

  /** "interviewerNotIndependentReason" as words: "interviewer not independent reason". */
  static String spoken(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
  }

  /** Each field of the task's deployed form: its key, label and type (none when it has no form). */
  static Map<String, Field> fieldsOf(ProcessEngine engine, String taskId) {
    Map<String, Field> fields = new HashMap<>();
    try (InputStream form = AsSystem.call(engine.getIdentityService(),
        () -> engine.getFormService().getDeployedTaskForm(taskId))) {
      if (form == null) {
        return fields;
      }
      collect(JSON.readTree(form), fields);
    } catch (ProcessEngineException | IOException noForm) {
      // A task without a Camunda Form (or a form we cannot read): the rule's own words will do.
    }
    return fields;
  }

  private static void collect(JsonNode node, Map<String, Field> fields) {
    if (node.isObject()) {
      String key = node.hasNonNull("key") ? node.get("key").asText() : node.path("path").asText(null);
      String label = node.path("label").asText("").strip().replaceFirst(":$", "");
      if (key != null && !label.isEmpty() && node.has("type")) {
        fields.putIfAbsent(key, new Field(label, node.get("type").asText()));
      }
    }
    node.forEach(child -> collect(child, fields));
  }

  record Field(String label, String type) {
  }
}
