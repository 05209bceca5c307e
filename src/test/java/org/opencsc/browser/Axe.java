package org.opencsc.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, installed by the build's {@code npm ci}) run inside the real browser
 * against WCAG 2.2 A and AA, as the Public Sector Bodies Accessibility Regulations 2018 require.
 * The script is handed to the page through WebDriver, which the pages' content security policy
 * does not govern, so nothing of the product is loosened for the test.
 */
final class Axe {

  static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");
  private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
  private static String source;

  private Axe() {
  }

  /** A rule broken on the page: its id, how much it hurts, what it asks, and where. */
  record Violation(String rule, String impact, String help, List<String> where) {

    boolean seriousOrCritical() {
      return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return impact + " " + rule + ": " + help + " at " + where;
    }

    /** The rule and its impact, without where: the same finding on two pages reads the same. */
    String finding() {
      return impact + " " + rule + ": " + help;
    }
  }

  /** The violations inside the elements matching {@code include}, leaving out those matching {@code exclude}. */
  @SuppressWarnings("unchecked")
  static List<Violation> check(WebDriver browser, String include, String exclude) {
    JavascriptExecutor page = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
      page.executeScript(source());
    }
    Object result = page.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const context = { include: [[arguments[0]]] };"
            + "if (arguments[1]) { context.exclude = [[arguments[1]]]; }"
            + "axe.run(context, { runOnly: { type: 'tag', values: arguments[2] }, resultTypes: ['violations'] })"
            + ".then(r => done(r.violations.map(v => ({ rule: v.id, impact: v.impact, help: v.help,"
            + "  where: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))"
            + ".catch(e => done([{ rule: 'axe-error', impact: 'critical', help: String(e), where: [] }]));",
        include, exclude, WCAG_22_AA);
    List<Violation> violations = new ArrayList<>();
    for (Object item : (List<Object>) result) {
      Map<String, Object> v = (Map<String, Object>) item;
      violations.add(new Violation(String.valueOf(v.get("rule")), String.valueOf(v.get("impact")),
          String.valueOf(v.get("help")), (List<String>) v.get("where")));
    }
    return violations;
  }

  static List<Violation> seriousOrCritical(WebDriver browser, String include, String exclude) {
    return check(browser, include, exclude).stream().filter(Violation::seriousOrCritical).toList();
  }

  private static synchronized String source() {
    if (source == null) {
      if (!Files.exists(SCRIPT)) {
        throw new IllegalStateException(SCRIPT + " is missing: the build installs it with npm ci (package.json)");
      }
      try {
        source = Files.readString(SCRIPT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
