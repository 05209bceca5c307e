package org.opencsc.missing;

import java.time.Instant;
import java.util.List;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MissingEpisodeRepository extends JpaRepository<MissingEpisode, String>, Inserts<MissingEpisode> {

  /** Episodes of a child that started within [from, to], for the repeat-missing count. */
  long countByChildIdAndMissingFromBetween(String childId, Instant from, Instant to);

  /** A child's episodes with no return recorded. */
  List<MissingEpisode> findByChildIdAndReturnedAtIsNull(String childId);

  /** Whether one of the child's episodes had started by that moment and ended (the return) after it. */
  boolean existsByChildIdAndMissingFromLessThanEqualAndReturnedAtGreaterThan(String childId, Instant moment,
      Instant sameMoment);
}
