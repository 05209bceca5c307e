package org.opencsc.court;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PloCaseRepository extends JpaRepository<PloCase, String>, Inserts<PloCase> {
}
