package org.opencsc.operations;

/**
 * The application will not start until the operator changes a setting. Start-up ends with
 * Spring Boot's short report (APPLICATION FAILED TO START, then this description and action;
 * {@link StartUpRefusedAnalysis}) instead of a long stack trace.
 */
public class StartUpRefused extends IllegalStateException {

  private final String action;

  /**
   * @param description what is wrong, naming the setting
   * @param action what the operator should do about it
   */
  public StartUpRefused(String description, String action) {
    this(description, action, null);
  }

  public StartUpRefused(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
