package org.opencsc.alerts;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PracticeAlertRepository extends JpaRepository<PracticeAlert, String>, Inserts<PracticeAlert> {
}
