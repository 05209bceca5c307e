package org.opencsc.security;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The passwords people may set, as the NCSC's password guidance and Cyber Essentials advise:
 * at least {@value #MIN_LENGTH} characters, any characters and no rules about which kinds, no
 * maximum, not a common password ({@link CommonPasswords}), not containing the user's id, first
 * or last name or e-mail address (Camunda's own rule). Camunda checks it wherever a password is set
 * (REST user create and credentials, Admin) and lists it at GET /engine-rest/identity/password-policy.
 */
public final class NcscPasswordPolicy implements PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  /** The policy in a few words, for someone about to choose a password. */
  public static final String IN_SHORT = "at least " + MIN_LENGTH
      + " characters, not a common password, not containing the user's id or name";

  private final List<PasswordPolicyRule> rules = List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
      CommonPasswords.shipped(), new PasswordPolicyUserDataRuleImpl());

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /** What is wrong with a password that breaks these rules, in words its owner can act on. */
  public static String problems(List<PasswordPolicyRule> broken) {
    return broken.stream().map(NcscPasswordPolicy::problem).collect(Collectors.joining("; "));
  }

  private static String problem(PasswordPolicyRule rule) {
    return switch (rule.getPlaceholder()) {
      case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> "it has fewer than " + MIN_LENGTH + " characters";
      case CommonPasswords.PLACEHOLDER -> "it is a commonly used password";
      case PasswordPolicyUserDataRuleImpl.PLACEHOLDER ->
          "it contains the user's id, first name, last name or e-mail address";
      default -> "it breaks the rule " + rule.getPlaceholder();
    };
  }
}
