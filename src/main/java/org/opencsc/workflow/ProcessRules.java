package org.opencsc.workflow;

import java.util.List;

/**
 * The rules of one process, in one readable place: what must be present to start it and
 * before each task completes, which deadline each step has and who may sign off what.
 * Every process contributes one bean; enforcement is added to every diagram by
 * {@link RuleEnforcementPlugin}, so a changed diagram cannot drop a rule.
 */
public interface ProcessRules {

  String processKey();

  StartRules start();

  List<TaskRules> tasks();

  /** Messages the process waits for, and what each must carry. */
  default List<MessageRules> messages() {
    return List.of();
  }
}
