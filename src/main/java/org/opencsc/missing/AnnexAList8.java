package org.opencsc.missing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.LookedAfterPeriod;
import org.opencsc.child.LookedAfterPeriods;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A List 8: children looked after. One row per child looked after at any time in the window
 * (from the child's looked-after periods, not today's flag), with what the workflow holds: UASC,
 * when the child started (and ceased) to be looked after, whether this is a second period in 12
 * months, the missing and away episodes that began while looked after in the 12 months to the
 * window's end, and the return interview after the last missing one. The placement, legal status,
 * reviews and health columns are the case system's and stay empty.
 */
@Component
class AnnexAList8 extends AnnexAList {

  static final String UASC = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)";
  static final String STARTED = "Date Started to be Looked After";
  static final String SECOND = "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)";
  static final String CEASED = "Date Ceased to be Looked After";
  static final String MISSING = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months";
  static final String ABSENT = "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months";
  static final String OFFERED = "Was the child offered a Return Interview after their last missing episode (Y/N)?";
  static final String ACCEPTED = "Did the child accept a Return Interview after their last missing episode (Y/N)?";

  private final LookedAfterPeriods periods;

  AnnexAList8(NamedParameterJdbcTemplate jdbc, LookedAfterPeriods periods) {
    super(jdbc, 8, withDisabilityAfterUasc());
    this.periods = periods;
  }

  /** List 8 asks UASC before disability; the rest as the template orders it. */
  private static List<String> withDisabilityAfterUasc() {
    List<String> columns = new ArrayList<>(CHILD.subList(0, 5));
    columns.add(UASC);
    columns.add(CHILD.get(5));
    columns.addAll(List.of(STARTED, "Child's Category of Need", SECOND, "Start date of current legal status",
        "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
        "What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment", "Date of Last Dental Check", "Number of Placements in the Last 12 months",
        CEASED, "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type",
        "Placement Provider", "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
        MISSING, ABSENT, OFFERED, ACCEPTED));
    columns.addAll(ALLOCATED);
    return columns;
  }

  @Override
  public List<Map<String, String>> rows(DateWindow window, Visible scope) {
    LookedAfterPeriods.History history = periods.history();
    Map<String, Map<String, String>> byChild = new LinkedHashMap<>();
    jdbc.query("select " + CHILD_SELECT + ", c.uasc from child c where exists (select 1 from looked_after_period p "
        + "where p.child_id = c.id and p.from_date <= :lastDay and (p.to_date is null or p.to_date >= :firstDay))"
        + (scope.all() ? "" : " and c.id in (select e.child_id from missing_episode e where e.process_instance_id in (:visible))")
        + " order by child_key", params(window, scope).addValue("lastDay", window.last()).addValue("firstDay", window.first()), row -> {
          Map<String, String> line = child(row, window.last());
          line.put(UASC, yesNo(row.getObject("uasc")));
          List<LookedAfterPeriod> childPeriods = history.of(row.getString("child_id"));
          List<LookedAfterPeriod> inWindow = childPeriods.stream()
              .filter(period -> period.overlaps(window.first(), window.last())).toList();
          LookedAfterPeriod latest = inWindow.get(inWindow.size() - 1);
          line.put(STARTED, date(latest.getFrom()));
          line.put(CEASED, latest.getTo() == null || latest.getTo().isAfter(window.last()) ? "" : date(latest.getTo()));
          LocalDate twelveMonthsAgo = window.twelveMonthsBeforeEnd();
          line.put(SECOND, yesNo(childPeriods.stream()
              .anyMatch(period -> period.getFrom().isBefore(latest.getFrom()) && !period.getTo().isBefore(twelveMonthsAgo))));
          line.put(MISSING, "0");
          line.put(ABSENT, "0");
          byChild.put(row.getString("child_id"), line);
        });
    Map<String, Object[]> lastMissing = new LinkedHashMap<>();
    jdbc.query("select e.child_id, e.episode_type, e.missing_from, e.rhi_offered, e.rhi_accepted from missing_episode e "
        + "where e.missing_from >= :since and e.missing_from < :until" + and(scope, "e.process_instance_id")
        + " order by e.child_id, e.missing_from", params(window, scope), row -> {
          Map<String, String> line = byChild.get(row.getString("child_id"));
          Instant began = row.getTimestamp("missing_from").toInstant();
          if (line == null || !history.lookedAfterOn(row.getString("child_id"), LondonTime.toLondon(began).toLocalDate())) {
            return; // counted only while looked after ("from their placement")
          }
          boolean missing = "MISSING".equals(row.getString("episode_type"));
          String column = missing ? MISSING : ABSENT;
          line.put(column, String.valueOf(Integer.parseInt(line.get(column)) + 1));
          if (missing) {
            lastMissing.put(row.getString("child_id"), new Object[] {row.getObject("rhi_offered"), row.getObject("rhi_accepted")});
          }
        });
    lastMissing.forEach((childId, answers) -> {
      Map<String, String> line = byChild.get(childId);
      line.put(OFFERED, yesNo(answers[0]));
      line.put(ACCEPTED, Boolean.TRUE.equals(answers[0]) ? yesNo(answers[1]) : "");
    });
    return new ArrayList<>(byChild.values());
  }
}
