package org.opencsc.notifications;

import java.security.Principal;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.opencsc.engine.AsSystem;
import org.opencsc.rules.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/preferences}: whether the caller wants the optional mails (reminders
 * and the managers' digest). Statutory mails (a step due, a breach) always go.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
public class NotificationPreferencesController {

  private static final String OPTIONAL = "remindersAndDigest";

  private final IdentityService identity;

  public NotificationPreferencesController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping
  public Map<String, Object> read(Principal user) {
    return Map.of(OPTIONAL, !"off".equals(AsSystem.call(identity,
        () -> identity.getUserInfo(user.getName(), NotificationSender.OPTIONAL_MAILS))), "statutory", true);
  }

  @PutMapping(consumes = "application/json")
  public Map<String, Object> change(@RequestBody Map<String, Object> body, Principal user) {
    if (body.size() != 1 || !(body.get(OPTIONAL) instanceof Boolean wanted)) {
      throw RuleViolation.of(OPTIONAL, "is required and must be true or false (the only field)");
    }
    AsSystem.call(identity, () -> {
      identity.setUserInfo(user.getName(), NotificationSender.OPTIONAL_MAILS, wanted ? "on" : "off");
      return null;
    });
    return read(user);
  }
}
