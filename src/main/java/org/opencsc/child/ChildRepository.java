package org.opencsc.child;

import org.opencsc.workflow.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildRepository extends JpaRepository<Child, String>, Inserts<Child> {
}
