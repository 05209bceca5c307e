package org.opencsc.rules;

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
