package org.opencsc.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSV files inspectors ask for: Ofsted's Annex A lists 5 (section 47 enquiries and initial
 * conferences), 8 (looked-after children missing or away) and 10 (adoption decisions), and the
 * breach register. Column headings follow the Annex A template; dates are dd/mm/yyyy.
 */
@Service
@Transactional(readOnly = true)
public class AnnexAExports {

  public static final List<String> LISTS = List.of("annex-a-list5", "annex-a-list8", "annex-a-list10", "breaches");

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private static final List<String> CHILD = List.of("Child Unique ID", "Date of Birth", "Age of Child (Years)",
      "Child Disability");
  static final List<String> LIST5 = columns(CHILD, "Strategy discussion initiating Section 47 Enquiry Start Date",
      "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
      "Did the Initial Child Protection Conference Result in a Child Protection Plan");
  static final List<String> LIST8 = columns(CHILD, "Number of missing episodes in the last 12 months",
      "Number of away from placement episodes in the last 12 months",
      "Was the child offered a return interview after the last missing episode?",
      "Did the child accept the return interview after the last missing episode?");
  static final List<String> LIST10 = columns(CHILD, "Decision", "Route", "Date of agency decision",
      "Agency decision maker approved", "Departed from the panel's recommendation", "Qualifying determination");
  static final List<String> BREACHES = List.of("Code", "Process", "Case", "Child Unique ID", "Step", "Due", "Done",
      "Done by", "Reason");

  private final NamedParameterJdbcTemplate jdbc;
  private final ComplianceReport report;

  public AnnexAExports(NamedParameterJdbcTemplate jdbc, ComplianceReport report) {
    this.jdbc = jdbc;
    this.report = report;
  }

  /** The list as CSV, or null for an unknown list name. */
  public String csv(String list, Visible scope) {
    return switch (list) {
      case "annex-a-list5" -> Csv.of(LIST5, list5(scope));
      case "annex-a-list8" -> Csv.of(LIST8, list8(scope));
      case "annex-a-list10" -> Csv.of(LIST10, list10(scope));
      case "breaches" -> Csv.of(BREACHES, breaches(scope));
      default -> null;
    };
  }

  /** One row per strategy discussion that started a section 47 enquiry. */
  List<Map<String, String>> list5(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    return jdbc.query("select s.child_id, c.date_of_birth, c.disabled, s.held_at, s.s47_outcome, s.icpc_held_on, "
        + "s.child_protection_plan from strategy_discussion s join child c on c.id = s.child_id "
        + "where s.decision = 'SECTION_47' and s.held_at is not null" + ComplianceReport.and(scope, "s.process_instance_id")
        + " order by s.held_at, s.process_instance_id", ComplianceReport.params(scope), (row, i) -> {
          Map<String, String> line = child(row.getString("child_id"), row.getObject("date_of_birth", LocalDate.class),
              row.getBoolean("disabled"), today);
          line.put("Strategy discussion initiating Section 47 Enquiry Start Date", date(row.getTimestamp("held_at").toInstant()));
          String outcome = row.getString("s47_outcome");
          line.put("Was an Initial Child Protection Conference deemed unnecessary?",
              outcome == null ? "" : "ICPC_REQUIRED".equals(outcome) ? "No" : "Yes");
          LocalDate icpc = row.getObject("icpc_held_on", LocalDate.class);
          line.put("Date of Initial Child Protection Conference", icpc == null ? "" : icpc.format(DATE));
          Object plan = row.getObject("child_protection_plan");
          line.put("Did the Initial Child Protection Conference Result in a Child Protection Plan",
              plan == null ? "" : (Boolean) plan ? "Yes" : "No");
          return line;
        });
  }

  /** One row per looked-after child with missing or away episodes in the last 12 months. */
  List<Map<String, String>> list8(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    MapSqlParameterSource params = ComplianceReport.params(scope)
        .addValue("since", java.sql.Timestamp.from(today.minusMonths(12).atStartOfDay(LondonTime.ZONE).toInstant()));
    Map<String, Map<String, String>> byChild = new LinkedHashMap<>();
    Map<String, Object[]> lastMissing = new LinkedHashMap<>();
    jdbc.query("select e.child_id, c.date_of_birth, c.disabled, e.episode_type, e.missing_from, e.rhi_offered, "
        + "e.rhi_accepted from missing_episode e join child c on c.id = e.child_id "
        + "where c.looked_after and e.missing_from >= :since" + ComplianceReport.and(scope, "e.process_instance_id")
        + " order by e.child_id, e.missing_from", params, row -> {
          String childId = row.getString("child_id");
          LocalDate born = row.getObject("date_of_birth", LocalDate.class);
          boolean disabled = row.getBoolean("disabled");
          Map<String, String> line = byChild.computeIfAbsent(childId, id -> {
            Map<String, String> fresh = child(id, born, disabled, today);
            fresh.put("Number of missing episodes in the last 12 months", "0");
            fresh.put("Number of away from placement episodes in the last 12 months", "0");
            fresh.put("Was the child offered a return interview after the last missing episode?", "");
            fresh.put("Did the child accept the return interview after the last missing episode?", "");
            return fresh;
          });
          String column = "MISSING".equals(row.getString("episode_type"))
              ? "Number of missing episodes in the last 12 months"
              : "Number of away from placement episodes in the last 12 months";
          line.put(column, String.valueOf(Integer.parseInt(line.get(column)) + 1));
          if ("MISSING".equals(row.getString("episode_type"))) {
            lastMissing.put(childId, new Object[] {row.getObject("rhi_offered"), row.getObject("rhi_accepted")});
          }
        });
    lastMissing.forEach((childId, answers) -> {
      Map<String, String> line = byChild.get(childId);
      line.put("Was the child offered a return interview after the last missing episode?", yesNo(answers[0]));
      line.put("Did the child accept the return interview after the last missing episode?",
          Boolean.TRUE.equals(answers[0]) ? yesNo(answers[1]) : "");
    });
    return new ArrayList<>(byChild.values());
  }

  /** One row per adoption decision made by the agency decision maker. */
  List<Map<String, String>> list10(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    return jdbc.query("select a.child_id, c.date_of_birth, c.disabled, a.decision_type, a.route, a.adm_decided_at, "
        + "a.adm_approves, a.departs_from_panel, a.final_decided_at, a.final_approves from adoption_decision a "
        + "join child c on c.id = a.child_id where a.adm_decided_at is not null"
        + ComplianceReport.and(scope, "a.process_instance_id") + " order by a.adm_decided_at, a.process_instance_id",
        ComplianceReport.params(scope), (row, i) -> {
          Map<String, String> line = child(row.getString("child_id"), row.getObject("date_of_birth", LocalDate.class),
              row.getBoolean("disabled"), today);
          line.put("Decision", row.getString("decision_type"));
          line.put("Route", row.getString("route"));
          boolean finalDecision = row.getTimestamp("final_decided_at") != null;
          Instant decided = (finalDecision ? row.getTimestamp("final_decided_at") : row.getTimestamp("adm_decided_at")).toInstant();
          line.put("Date of agency decision", date(decided));
          line.put("Agency decision maker approved", yesNo(finalDecision ? row.getObject("final_approves") : row.getObject("adm_approves")));
          line.put("Departed from the panel's recommendation", yesNo(row.getObject("departs_from_panel")));
          line.put("Qualifying determination", finalDecision ? "Yes" : "No");
          return line;
        });
  }

  /** The breach register as the API lists it. */
  List<Map<String, String>> breaches(Visible scope) {
    List<Map<String, String>> lines = new ArrayList<>();
    for (Breach breach : report.breaches(scope, new ComplianceReport.BreachFilter(null, null, null, null, null))) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("Code", breach.getCode().name());
      line.put("Process", breach.getProcessKey());
      line.put("Case", breach.getProcessInstanceId());
      line.put("Child Unique ID", breach.getChildId() == null ? "" : breach.getChildId());
      line.put("Step", breach.getTaskKey() == null ? "" : breach.getTaskKey());
      line.put("Due", LondonTime.toLondon(breach.getDueAt()).format(DATE_TIME));
      line.put("Done", breach.getDoneAt() == null ? "" : LondonTime.toLondon(breach.getDoneAt()).format(DATE_TIME));
      line.put("Done by", breach.getDoneBy() == null ? "" : breach.getDoneBy());
      line.put("Reason", breach.getReason() == null ? "" : breach.getReason());
      lines.add(line);
    }
    return lines;
  }

  private static Map<String, String> child(String childId, LocalDate born, boolean disabled, LocalDate today) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("Child Unique ID", childId);
    line.put("Date of Birth", born.format(DATE));
    line.put("Age of Child (Years)", String.valueOf(Period.between(born, today).getYears()));
    line.put("Child Disability", disabled ? "Yes" : "No");
    return line;
  }

  private static List<String> columns(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  private static String date(Instant instant) {
    return LondonTime.toLondon(instant).format(DATE);
  }

  private static String yesNo(Object value) {
    return value == null ? "" : Boolean.TRUE.equals(value) ? "Yes" : "No";
  }
}
