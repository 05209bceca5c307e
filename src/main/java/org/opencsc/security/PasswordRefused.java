package org.opencsc.security;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * A password that breaks the password policy, named rule by rule. A bad request, so Camunda's
 * REST API and webapps answer it with 400 (their answer to the engine's own refusal, "Password
 * does not match policy", is a 500 that does not say what is wrong).
 */
public class PasswordRefused extends BadUserRequestException {

  private final String problems;

  public PasswordRefused(List<PasswordPolicyRule> broken) {
    this(NcscPasswordPolicy.problems(broken));
  }

  private PasswordRefused(String problems) {
    super("Password refused: " + problems + ". Nothing was changed. "
        + "A passphrase of three or four unrelated words is long enough and easy to remember.");
    this.problems = problems;
  }

  /** What is wrong with the password, e.g. "it has fewer than 12 characters". */
  public String problems() {
    return problems;
  }
}
