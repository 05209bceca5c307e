package org.opencsc.missing;

import java.time.Instant;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MissingEpisodeRepository extends JpaRepository<MissingEpisode, String>, Inserts<MissingEpisode> {

  /** Episodes of a child that started within [from, to], for the repeat-missing count. */
  long countByChildIdAndMissingFromBetween(String childId, Instant from, Instant to);
}
