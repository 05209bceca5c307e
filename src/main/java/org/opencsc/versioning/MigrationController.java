package org.opencsc.versioning;

import java.util.List;
import java.util.Map;

import org.opencsc.rules.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/migrations/{processKey}}: the deployed versions, and moving running cases to the
 * latest one ({@code {"dryRun": true}} first). For process analysts and administrators.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

  private final CaseMigration migration;

  public MigrationController(CaseMigration migration) {
    this.migration = migration;
  }

  @GetMapping("/{processKey}")
  public List<Map<String, Object>> versions(@PathVariable String processKey) {
    return migration.versions(processKey);
  }

  @PostMapping(path = "/{processKey}", consumes = "application/json")
  public Map<String, Object> migrate(@PathVariable String processKey, @RequestBody Map<String, Object> body) {
    for (String field : body.keySet()) {
      if (!List.of("dryRun", "fromVersion").contains(field)) {
        throw RuleViolation.of(field, "is not an option (dryRun, fromVersion)");
      }
    }
    Object dryRun = body.getOrDefault("dryRun", Boolean.TRUE);
    if (!(dryRun instanceof Boolean)) {
      throw RuleViolation.of("dryRun", "must be true or false");
    }
    Object fromVersion = body.get("fromVersion");
    if (fromVersion != null && !(fromVersion instanceof Integer)) {
      throw RuleViolation.of("fromVersion", "must be a version number");
    }
    return migration.toLatest(processKey, (Integer) fromVersion, (Boolean) dryRun);
  }
}
