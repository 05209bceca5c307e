package org.opencsc.engine;

import java.time.Instant;

/**
 * A social worker completed casework on a child's case (a step marked {@code casework()}), in the
 * transaction that completed it: they hold the case now.
 */
public record CaseworkDone(String childId, String processKey, String taskKey, String user, Instant at) {
}
