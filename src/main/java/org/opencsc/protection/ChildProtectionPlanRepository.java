package org.opencsc.protection;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildProtectionPlanRepository extends JpaRepository<ChildProtectionPlan, String>,
    Inserts<ChildProtectionPlan> {

  /** Whether the child has a plan in force (not ended). */
  boolean existsByChildIdAndCppEndDateIsNull(String childId);
}
