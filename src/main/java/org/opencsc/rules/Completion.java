package org.opencsc.rules;

import java.time.Instant;

/**
 * A user task being completed, as the rules see it: which case and step, who completed it, the
 * deadline it had and its answers. What a process's completion actions read (to keep its case
 * table up to date), with no engine type in sight.
 */
public record Completion(String taskId, String processInstanceId, String taskKey, Instant dueAt, String completedBy,
    Answers answers) {
}
