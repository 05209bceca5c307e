package org.opencsc.court;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/compliance/plo}: every PLO case the caller may see, where it stands (pre-proceedings,
 * waiting for issue, in proceedings, concluded or stepped down), weeks since issue against the 26
 * and the deadline as the court has extended it. The dashboard shows it.
 */
@RestController
public class PloFiguresController {

  private final PloCaseRepository cases;
  private final CaseScope scope;

  public PloFiguresController(PloCaseRepository cases, CaseScope scope) {
    this.cases = cases;
    this.scope = scope;
  }

  @GetMapping("/api/compliance/plo")
  @Transactional(readOnly = true)
  public List<Map<String, Object>> plo(Authentication caller) {
    Instant now = LondonTime.now().toInstant();
    return scope.visibleOf(caller, cases.findAll()).stream().sorted(Comparator.comparing(PloCase::getLegalGatewayOn).reversed())
        .map(plo -> view(plo, now)).toList();
  }

  static Map<String, Object> view(PloCase plo, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("processInstanceId", plo.getProcessInstanceId());
    view.put("childId", plo.getChildId());
    view.put("stage", stage(plo));
    view.put("legalGatewayOn", plo.getLegalGatewayOn().toString());
    view.put("issuedOn", plo.getIssuedOn() == null ? null : plo.getIssuedOn().toString());
    Instant until = plo.getFinalHearingOn() != null ? plo.getFinalHearingOn().atStartOfDay(LondonTime.ZONE).toInstant() : now;
    view.put("weeksSinceIssue", plo.getIssuedOn() == null ? null
        : Duration.between(plo.getIssuedOn().atStartOfDay(LondonTime.ZONE).toInstant(), until).toDays() / 7);
    view.put("dueAt", plo.getDueAt() == null ? null : LondonTime.format(plo.getDueAt()));
    view.put("extensionWeeks", plo.getExtensionWeeks());
    view.put("finalHearingOn", plo.getFinalHearingOn() == null ? null : plo.getFinalHearingOn().toString());
    return view;
  }

  private static String stage(PloCase plo) {
    if (plo.getFinalHearingOn() != null) {
      return "CONCLUDED";
    }
    if (plo.getIssuedOn() != null) {
      return "PROCEEDINGS";
    }
    if ("END".equals(plo.getPreProceedingsOutcome())) {
      return "STEPPED_DOWN";
    }
    return "ISSUE".equals(plo.getPreProceedingsOutcome()) ? "AWAITING_ISSUE" : "PRE_PROCEEDINGS";
  }
}
