package org.opencsc.workflow;

/** Rules for a record submitted to our own API (a child), checked the same way as a task's. */
public final class RecordRules extends FieldRules<RecordRules> {

  public static RecordRules record() {
    return new RecordRules();
  }

  @Override
  protected RecordRules self() {
    return this;
  }
}
