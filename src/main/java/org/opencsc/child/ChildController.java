package org.opencsc.child;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/children}: register a child (a child's case file: {@code CaseFileController}). */
@RestController
@RequestMapping("/api/children")
public class ChildController {

  private final ChildRegistry registry;

  public ChildController(ChildRegistry registry) {
    this.registry = registry;
  }

  @PostMapping(consumes = "application/json")
  public ResponseEntity<Map<String, String>> register(@RequestBody Map<String, Object> body,
      Principal user) {
    Child child = registry.register(body, user.getName());
    return ResponseEntity.created(URI.create("/api/children/" + child.getId()))
        .body(Map.of("id", child.getId()));
  }
}
