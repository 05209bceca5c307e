package org.opencsc.strategy;

import java.util.Optional;

import org.opencsc.engine.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StrategyDiscussionRepository
    extends JpaRepository<StrategyDiscussion, String>, Inserts<StrategyDiscussion> {

  Optional<StrategyDiscussion> findByMissingEpisodeId(String missingEpisodeId);
}
