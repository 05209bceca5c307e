package org.opencsc.fostering;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivateFosteringRepository extends JpaRepository<PrivateFostering, String> {
}
