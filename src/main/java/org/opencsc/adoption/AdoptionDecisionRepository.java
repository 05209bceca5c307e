package org.opencsc.adoption;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdoptionDecisionRepository extends JpaRepository<AdoptionDecision, String>, Inserts<AdoptionDecision> {
}
