package org.opencsc.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opencsc.rules.BreachCode;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BreachRepository extends JpaRepository<Breach, Long> {

  Optional<Breach> findByProcessInstanceIdAndCodeAndDueAt(String processInstanceId, BreachCode code,
      Instant dueAt);

  /** The child's breaches, without those withdrawn (done in time, recorded late). */
  List<Breach> findByChildIdAndWithdrawnAtIsNullOrderByDueAt(String childId);

  List<Breach> findByProcessInstanceIdOrderByDueAt(String processInstanceId);
}
