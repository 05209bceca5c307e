package org.opencsc.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.opencsc.rules.BreachCode;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface BreachRepository extends JpaRepository<Breach, Long> {

  Optional<Breach> findByProcessInstanceIdAndCodeAndDueAt(String processInstanceId, BreachCode code,
      Instant dueAt);

  /** The child's breaches, without those withdrawn (done in time, recorded late). */
  List<Breach> findByChildIdAndWithdrawnAtIsNullOrderByDueAt(String childId);

  List<Breach> findByProcessInstanceIdOrderByDueAt(String processInstanceId);

  /** The breach, locked until the transaction ends: two nodes must not both start its escalation. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<Breach> findLockedById(Long id);

  /** Open breaches no escalation watches yet (written before escalation existed). */
  List<Breach> findByEscalationIdIsNullAndDoneAtIsNullAndWithdrawnAtIsNullOrderById();

  /** The child's breaches written in a period, without those withdrawn. */
  List<Breach> findByChildIdAndWithdrawnAtIsNullAndRecordedAtBetween(String childId, Instant from, Instant to);
}
