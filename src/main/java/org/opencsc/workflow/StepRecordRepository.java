package org.opencsc.workflow;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StepRecordRepository extends JpaRepository<StepRecord, String> {

  boolean existsByProcessInstanceIdAndTaskKeyInAndCompletedBy(String processInstanceId, Collection<String> taskKeys,
      String completedBy);

  List<StepRecord> findByProcessInstanceIdOrderByCompletedAt(String processInstanceId);
}
