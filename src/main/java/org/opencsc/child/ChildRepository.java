package org.opencsc.child;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildRepository extends JpaRepository<Child, String>, Inserts<Child> {

  boolean existsByLaChildId(String laChildId);
}
