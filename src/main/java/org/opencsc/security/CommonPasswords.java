package org.opencsc.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * Refuses the passwords people pick first (NCSC: deny the most common passwords), whatever their
 * case, and the same with only digits or symbols before or after them ("Password2024!"), or with
 * spaces, hyphens, dots or underscores between its words ("social-worker 2025"). A passphrase that
 * merely contains such a word among others ("orchard children lantern") is allowed.
 */
final class CommonPasswords implements PasswordPolicyRule {

  static final String PLACEHOLDER = "PASSWORD_POLICY_COMMON";
  static final String LIST = "security/common-passwords.txt";

  private final Set<String> denied;

  CommonPasswords(Set<String> denied) {
    this.denied = denied;
  }

  /** The list shipped with the application ({@value #LIST}). */
  static CommonPasswords shipped() {
    try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException("The list of common passwords is missing: " + LIST);
      }
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return new CommonPasswords(lines.lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String getPlaceholder() {
    return PLACEHOLDER;
  }

  @Override
  public Map<String, String> getParameters() {
    return null;
  }

  @Override
  public boolean execute(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    String joined = core.replaceAll("[\\s._-]+", "");
    return !denied.contains(lower) && !denied.contains(core) && !denied.contains(joined);
  }
}
