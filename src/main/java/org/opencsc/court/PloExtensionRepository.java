package org.opencsc.court;

import java.util.List;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PloExtensionRepository extends JpaRepository<PloExtension, String>, Inserts<PloExtension> {

  List<PloExtension> findByProcessInstanceIdOrderByNewDueAt(String processInstanceId);
}
