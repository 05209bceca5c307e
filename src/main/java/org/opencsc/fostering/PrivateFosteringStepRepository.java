package org.opencsc.fostering;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateFosteringStepRepository extends JpaRepository<PrivateFosteringStep, String> {

  List<PrivateFosteringStep> findByProcessInstanceIdOrderByDoneAt(String processInstanceId);
}
