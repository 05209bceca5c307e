package org.opencsc.rules;

/** Rules for what is submitted to our own API (a child to register), checked as a task's answers are. */
public final class SubmissionRules extends FieldRules<SubmissionRules> {

  public static SubmissionRules submission() {
    return new SubmissionRules();
  }

  @Override
  protected SubmissionRules self() {
    return this;
  }
}
