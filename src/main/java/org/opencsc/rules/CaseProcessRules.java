package org.opencsc.rules;

import java.util.Optional;

/**
 * A process's rules with what every process declares the same way: its key, what the dashboard
 * calls its cases and, when it keeps one, its case table.
 */
public abstract class CaseProcessRules implements ProcessRules {

  private final String processKey;
  private final String title;
  private final String caseTable;

  /** {@code caseTable} null for a process that keeps none. */
  protected CaseProcessRules(String processKey, String title, String caseTable) {
    this.processKey = processKey;
    this.title = title;
    this.caseTable = caseTable;
  }

  @Override
  public final String processKey() {
    return processKey;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final Optional<String> caseTable() {
    return Optional.ofNullable(caseTable);
  }
}
