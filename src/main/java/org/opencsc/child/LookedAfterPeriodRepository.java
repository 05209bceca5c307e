package org.opencsc.child;

import java.util.List;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LookedAfterPeriodRepository extends JpaRepository<LookedAfterPeriod, String>, Inserts<LookedAfterPeriod> {

  List<LookedAfterPeriod> findByChildIdOrderByFrom(String childId);
}
