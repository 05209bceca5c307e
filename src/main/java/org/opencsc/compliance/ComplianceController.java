package org.opencsc.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.ComplianceReport.BreachFilter;
import org.opencsc.engine.Breach;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/compliance}: the figures, the breach register and the inspection exports. */
@RestController
@RequestMapping("/api/compliance")
public class ComplianceController {

  private final ComplianceReport report;
  private final AnnexAExports exports;
  private final ProcessCatalogue catalogue;
  private final CaseScope scope;

  public ComplianceController(ComplianceReport report, AnnexAExports exports, CaseScope scope,
      ProcessCatalogue catalogue) {
    this.catalogue = catalogue;
    this.report = report;
    this.exports = exports;
    this.scope = scope;
  }

  @GetMapping("/summary")
  public List<Map<String, Object>> summary(Authentication caller) {
    return report.summary(scope.of(caller));
  }

  @GetMapping("/trend")
  public List<Map<String, Object>> trend(@RequestParam String process, Authentication caller) {
    return report.trend(scope.of(caller), process(process));
  }

  @GetMapping("/open-steps")
  public List<Map<String, Object>> openSteps(Authentication caller) {
    return report.openSteps(scope.of(caller));
  }

  @GetMapping("/breaches")
  public List<Map<String, Object>> breaches(@RequestParam(required = false) String process,
      @RequestParam(required = false) String code, @RequestParam(required = false) String childId,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication caller) {
    BreachFilter filter = new BreachFilter(process == null ? null : process(process), code == null ? null : code(code),
        childId, from == null ? null : moment("from", from, false), to == null ? null : moment("to", to, true));
    return report.breaches(scope.of(caller), filter).stream().map(ComplianceController::contractView).toList();
  }

  /** The exports there are, in list order, the breach register last (the dashboard links each). */
  @GetMapping("/exports")
  public List<String> exportNames() {
    return exports.names();
  }

  /**
   * An Annex A list for the inspection window {@code from}–{@code to} (dates, both included; by
   * default the 12 months to today), or the breach register.
   */
  @GetMapping("/export/{list}.csv")
  public ResponseEntity<String> export(@PathVariable String list, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication caller) {
    DateWindow window = window(from, to);
    String csv = exports.csv(list, window, scope.of(caller));
    if (csv == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "No export " + list + " (there are " + String.join(", ", exports.names()) + ")");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + list + ".csv\"")
        .body(csv);
  }

  /** The contract's fields: code, process, processInstanceId, childId, dueAt, doneAt, reason. */
  static Map<String, Object> contractView(Breach breach) {
    return breach.view();
  }

  private String process(String process) {
    if (!catalogue.caseProcesses().contains(process)) {
      throw RuleViolation.of("process", "must be one of " + String.join(", ", catalogue.caseProcesses()));
    }
    return process;
  }

  private static BreachCode code(String code) {
    try {
      return BreachCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw RuleViolation.of("code", "must be one of " + java.util.Arrays.toString(BreachCode.values()));
    }
  }

  private static DateWindow window(String from, String to) {
    java.time.LocalDate last = to == null ? DateWindow.lastTwelveMonths().last() : day("to", to);
    java.time.LocalDate first = from == null ? new DateWindow(last, last).twelveMonthsBeforeEnd() : day("from", from);
    if (first.isAfter(last)) {
      throw RuleViolation.of("from", "must not be after to");
    }
    return new DateWindow(first, last);
  }

  private static java.time.LocalDate day(String field, String value) {
    try {
      return LondonTime.parseDate(value);
    } catch (IllegalArgumentException e) {
      throw RuleViolation.of(field, e.getMessage());
    }
  }

  /** A date (the start of that day, or of the next for an inclusive end) or a date-time. */
  private static Instant moment(String field, String value, boolean endOfRange) {
    try {
      if (value.length() == 10) {
        return LondonTime.parseDate(value).plusDays(endOfRange ? 1 : 0).atStartOfDay(LondonTime.ZONE).toInstant();
      }
      return LondonTime.parseDateTime(value).toInstant();
    } catch (IllegalArgumentException e) {
      throw RuleViolation.of(field, e.getMessage());
    }
  }
}
