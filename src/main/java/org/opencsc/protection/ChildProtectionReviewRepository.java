package org.opencsc.protection;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildProtectionReviewRepository extends JpaRepository<ChildProtectionReview, String>,
    Inserts<ChildProtectionReview> {
}
