package org.opencsc.fostering;

import java.util.List;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateFosteringStepRepository
    extends JpaRepository<PrivateFosteringStep, String>, Inserts<PrivateFosteringStep> {

  List<PrivateFosteringStep> findByProcessInstanceIdOrderByDoneAt(String processInstanceId);
}
