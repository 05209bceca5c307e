package org.opencsc.child;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/children}: register a child; {@code POST /api/children/{id}/looked-after-periods}:
 * when the child is looked after (a child's case file: {@code CaseFileController}).
 */
@RestController
@RequestMapping("/api/children")
public class ChildController {

  private final ChildRegistry registry;
  private final LookedAfterPeriods periods;

  public ChildController(ChildRegistry registry, LookedAfterPeriods periods) {
    this.registry = registry;
    this.periods = periods;
  }

  @PostMapping(consumes = "application/json")
  public ResponseEntity<Map<String, String>> register(@RequestBody Map<String, Object> body,
      Principal user) {
    Child child = registry.register(body, user.getName());
    return ResponseEntity.created(URI.create("/api/children/" + child.getId()))
        .body(Map.of("id", child.getId()));
  }

  /**
   * {@code POST /api/children/{id}/looked-after-periods}: adds a period the child was looked after,
   * or ends the open one; answers the child's periods.
   */
  @PostMapping(path = "/{id}/looked-after-periods", consumes = "application/json")
  public List<Map<String, Object>> lookedAfter(@PathVariable String id, @RequestBody Map<String, Object> body,
      Principal user) {
    Child child = registry.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No child with id " + id));
    return periods.change(child, body, user.getName()).stream().map(LookedAfterPeriod::view).toList();
  }
}
