package org.opencsc.compliance;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.engine.Breach;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSV files inspectors ask for: the Annex A lists the processes declare (each in its own
 * package, see {@link AnnexAList}) and the breach register.
 */
@Service
@Transactional(readOnly = true)
public class AnnexAExports {

  static final String BREACH_REGISTER = "breaches";
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final List<String> BREACHES = List.of("Code", "Process", "Case", "Child Unique ID", "Step", "Due", "Done",
      "Done by", "Reason");

  private final Map<String, AnnexAList> lists = new LinkedHashMap<>();
  private final ComplianceReport report;
  private final NamedParameterJdbcTemplate jdbc;

  public AnnexAExports(List<AnnexAList> lists, ComplianceReport report, NamedParameterJdbcTemplate jdbc) {
    lists.stream().sorted(Comparator.comparingInt(AnnexAList::number)).forEach(list -> {
      if (this.lists.put(list.name(), list) != null) {
        throw new IllegalStateException("Two processes declare " + list.name());
      }
    });
    this.report = report;
    this.jdbc = jdbc;
  }

  /** The names of the exports, in list order, the breach register last. */
  public List<String> names() {
    List<String> names = new ArrayList<>(lists.keySet());
    names.add(BREACH_REGISTER);
    return names;
  }

  /** The list as CSV, or null for an unknown list name. */
  public String csv(String list, DateWindow window, Visible scope) {
    if (BREACH_REGISTER.equals(list)) {
      return Csv.of(BREACHES, breaches(scope));
    }
    AnnexAList annexA = lists.get(list);
    return annexA == null ? null : Csv.of(annexA.columns(), annexA.rows(window, scope));
  }

  /** The breach register as the API lists it. */
  List<Map<String, String>> breaches(Visible scope) {
    List<Map<String, String>> lines = new ArrayList<>();
    List<Breach> breaches = report.breaches(scope, new ComplianceReport.BreachFilter(null, null, null, null, null));
    Map<String, String> childKeys = childKeys(breaches);
    for (Breach breach : breaches) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("Code", breach.getCode().name());
      line.put("Process", breach.getProcessKey());
      line.put("Case", breach.getProcessInstanceId());
      line.put("Child Unique ID", breach.getChildId() == null ? "" : childKeys.getOrDefault(breach.getChildId(), ""));
      line.put("Step", breach.getTaskKey() == null ? "" : breach.getTaskKey());
      line.put("Due", LondonTime.toLondon(breach.getDueAt()).format(DATE_TIME));
      line.put("Done", breach.getDoneAt() == null ? "" : LondonTime.toLondon(breach.getDoneAt()).format(DATE_TIME));
      line.put("Done by", breach.getDoneBy() == null ? "" : breach.getDoneBy());
      line.put("Reason", breach.getReason() == null ? "" : breach.getReason());
      lines.add(line);
    }
    return lines;
  }

  /** Each child's id as the Annex A lists give it (the council's own id where recorded), so the files join. */
  private Map<String, String> childKeys(List<Breach> breaches) {
    List<String> ids = breaches.stream().map(Breach::getChildId).filter(Objects::nonNull).distinct().toList();
    Map<String, String> keys = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.query("select c.id, " + ExportTable.CHILD_KEY + " as child_key from child c where c.id in (:ids)",
          Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 1000))),
          row -> { keys.put(row.getString("id"), row.getString("child_key")); });
    }
    return keys;
  }
}
