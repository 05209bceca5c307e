package org.opencsc.compliance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

/**
 * {@code /api/returns}: the tables of the statutory returns a council files, for a collection
 * year, as CSV with the DfE's column names: e.g. {@code /api/returns/ssda903/missing.csv?year=2025-26}.
 */
@RestController
@RequestMapping("/api/returns")
public class ReturnsController {

  private final Map<String, StatutoryReturn> tables = new TreeMap<>();
  private final CaseScope scope;
  private final ReturnsQuality quality;

  public ReturnsController(List<StatutoryReturn> tables, CaseScope scope, ReturnsQuality quality) {
    tables.forEach(table -> this.tables.put(table.name(), table));
    this.scope = scope;
    this.quality = quality;
  }

  /** Per child, each field a return needs that is missing or invalid. */
  @GetMapping("/quality")
  public List<Map<String, Object>> quality(Authentication caller) {
    return quality.problems(scope.of(caller));
  }

  @GetMapping("/{collection}/{table}.csv")
  public ResponseEntity<String> table(@PathVariable String collection, @PathVariable String table,
      @RequestParam(required = false) String year, Authentication caller) {
    StatutoryReturn found = tables.get(collection + "/" + table);
    if (found == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "No return table " + collection + "/" + table + " (there are " + String.join(", ", tables.keySet()) + ")");
    }
    DateWindow collected = DateWindow.collectionYear(year);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + collection + "-" + table + "-" + year + ".csv\"")
        .body(Csv.of(found.columns(), found.rows(collected, scope.of(caller))));
  }
}
