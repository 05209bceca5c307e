package org.opencsc.fostering;

import org.opencsc.workflow.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateFosteringRepository extends JpaRepository<PrivateFostering, String>, Inserts<PrivateFostering> {
}
