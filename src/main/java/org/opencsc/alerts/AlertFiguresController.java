package org.opencsc.alerts;

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
 * {@code GET /api/compliance/alerts}: every IRO alert the caller may see, newest first: who raised
 * it, the stage it reached, days open, and how it ended (resolved, or the Cafcass decision). The
 * dashboard shows it.
 */
@RestController
public class AlertFiguresController {

  private final PracticeAlertRepository alerts;
  private final CaseScope scope;

  public AlertFiguresController(PracticeAlertRepository alerts, CaseScope scope) {
    this.alerts = alerts;
    this.scope = scope;
  }

  @GetMapping("/api/compliance/alerts")
  @Transactional(readOnly = true)
  public List<Map<String, Object>> alerts(Authentication caller) {
    Instant now = LondonTime.now().toInstant();
    return scope.visibleOf(caller, alerts.findAll()).stream().sorted(Comparator.comparing(PracticeAlert::getOpenedAt).reversed())
        .map(alert -> {
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("processInstanceId", alert.getProcessInstanceId());
          view.put("childId", alert.getChildId());
          view.put("raisedBy", alert.getRaisedBy());
          view.put("raisedAt", LondonTime.format(alert.getOpenedAt()));
          view.put("stage", alert.getStage());
          view.put("daysOpen", Duration.between(alert.getOpenedAt(),
              alert.getClosedAt() != null ? alert.getClosedAt() : now).toDays());
          view.put("outcome", alert.getClosedAt() == null ? "OPEN" : Boolean.TRUE.equals(alert.getResolved())
              ? "RESOLVED" : Boolean.TRUE.equals(alert.getReferToCafcass()) ? "REFERRED_TO_CAFCASS" : "NOT_REFERRED");
          return view;
        }).toList();
  }
}
