package org.opencsc.workflow;

/** What a process needs before an instance may start (REST, Tasklist, message or another process). */
public final class StartRules extends FieldRules<StartRules> {

  public static StartRules start() {
    return new StartRules();
  }

  @Override
  protected StartRules self() {
    return this;
  }
}
