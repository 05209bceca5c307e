package org.opencsc.fostering;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateFosteringRepository extends JpaRepository<PrivateFostering, String>, Inserts<PrivateFostering> {
}
