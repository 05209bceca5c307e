package org.opencsc.reviews;

import java.util.Optional;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LookedAfterReviewRepository extends JpaRepository<LookedAfterReview, String>, Inserts<LookedAfterReview> {

  /** The child's reviews while in care now (not ended). */
  Optional<LookedAfterReview> findFirstByChildIdAndLookedAfterToIsNull(String childId);
}
