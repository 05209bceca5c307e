package org.opencsc.strategy;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StrategyDiscussionRepository extends JpaRepository<StrategyDiscussion, String> {

  Optional<StrategyDiscussion> findByMissingEpisodeId(String missingEpisodeId);
}
