package org.opencsc.adoption;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdoptionDecisionRepository extends JpaRepository<AdoptionDecision, String> {
}
