package org.opencsc.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StepRecordRepository extends JpaRepository<StepRecord, String>, Inserts<StepRecord> {

  boolean existsByProcessInstanceIdAndTaskKeyInAndCompletedBy(String processInstanceId, Collection<String> taskKeys,
      String completedBy);

  List<StepRecord> findByProcessInstanceIdOrderByCompletedAt(String processInstanceId);

  List<StepRecord> findByProcessInstanceIdInOrderByCompletedAt(Collection<String> processInstanceIds);

  /** The last completion of a task in a case (when a report was approved, when a decision was made). */
  Optional<StepRecord> findFirstByProcessInstanceIdAndTaskKeyOrderByCompletedAtDesc(String processInstanceId,
      String taskKey);
}
