package org.opencsc.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CompletedStepRepository extends JpaRepository<CompletedStep, String>, Inserts<CompletedStep> {

  boolean existsByProcessInstanceIdAndTaskKeyInAndCompletedBy(String processInstanceId, Collection<String> taskKeys,
      String completedBy);

  List<CompletedStep> findByProcessInstanceIdOrderByCompletedAt(String processInstanceId);

  List<CompletedStep> findByProcessInstanceIdInOrderByCompletedAt(Collection<String> processInstanceIds);

  /** The last completion of a task in a case (when a report was approved, when a decision was made). */
  Optional<CompletedStep> findFirstByProcessInstanceIdAndTaskKeyOrderByCompletedAtDesc(String processInstanceId,
      String taskKey);
}
