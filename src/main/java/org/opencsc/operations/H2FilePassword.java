package org.opencsc.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.h2.api.ErrorCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database in its file is not left open to anyone on the machine (issue 21). Its
 * data directory is private ({@link DataDirectory}), and instead of user sa with an empty password
 * the database has a random password of its own, made at the first start and kept in
 * {@value #PASSWORD_FILE} in the data directory (0600), which the operator can read to open the
 * database with H2's tools.
 *
 * <p>A database of an earlier release still has the empty password: it is taken over before the
 * application opens it (one connection with the empty password sets the new one; the data stays).
 *
 * <p>Only for an H2 file under opencsc.data-dir, and only when the operator has not set
 * spring.datasource.password: PostgreSQL, and any database the operator protects, are left alone.
 * It runs before the data source exists (an environment post-processor, META-INF/spring.factories).
 */
class H2FilePassword implements EnvironmentPostProcessor {

  static final String PASSWORD_FILE = "h2-password";
  /** The password of a take-over in progress: kept until the database has it, then renamed. */
  static final String NEW_PASSWORD_FILE = PASSWORD_FILE + ".new";
  private static final String H2_FILE = "jdbc:h2:file:";
  private static final String PASSWORD = "spring.datasource.password";

  private final Log log;

  H2FilePassword(DeferredLogFactory logs) {
    this.log = logs.getLog(H2FilePassword.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url;
    try {
      url = environment.getProperty("spring.datasource.url");
    } catch (IllegalArgumentException notKnownYet) {
      // A placeholder nothing has set at this point (the postgres profile's ${OPENCSC_DB_URL}, set
      // by a test's dynamic properties after this runs): not an H2 file. Spring says so later if it stays unset.
      return;
    }
    String dataDir = environment.getProperty("opencsc.data-dir");
    if (url == null || dataDir == null || !url.startsWith(H2_FILE)) {
      return;
    }
    DataDirectory directory = new DataDirectory(Path.of(dataDir).toAbsolutePath().normalize(), log);
    Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath().normalize();
    if (!database.startsWith(directory.path())) {
      return;
    }
    directory.keepPrivate();
    // H2 makes its files as the application starts, with the process's default permissions.
    application.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> directory.keepPrivate());
    if (environment.containsProperty(PASSWORD)) {
      return;
    }
    try {
      String password = password(directory, database, url, environment.getProperty("spring.datasource.username", "sa"));
      environment.getPropertySources().addFirst(new MapPropertySource("opencsc.h2-password", Map.of(PASSWORD, password)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String password(DataDirectory directory, Path database, String url, String user) throws IOException {
    Path passwordFile = directory.path().resolve(PASSWORD_FILE);
    if (Files.exists(passwordFile)) {
      return DataDirectory.readSecret(passwordFile);
    }
    if (!Files.exists(Path.of(database + ".mv.db"))) {
      // A new database: H2 creates it with the password of the first connection.
      String password = newPassword();
      directory.writeSecret(passwordFile, password);
      return password;
    }
    // A database of an earlier release, with the empty password. The new password is written
    // before the database learns it, so a crash at any moment leaves a password that opens it.
    Path newPasswordFile = directory.path().resolve(NEW_PASSWORD_FILE);
    if (!Files.exists(newPasswordFile)) {
      directory.writeSecret(newPasswordFile, newPassword());
    }
    String password = DataDirectory.readSecret(newPasswordFile);
    try {
      takeOver(url, user, database, password, passwordFile);
    } finally {
      directory.keepPrivate(); // the files H2 made meanwhile (its trace file, after a refused login)
    }
    Files.move(newPasswordFile, passwordFile, StandardCopyOption.ATOMIC_MOVE);
    log.info("The H2 database " + database + " had an empty password; it now has the password in " + passwordFile);
    return password;
  }

  /** Gives the database the password, unless it already has it (a take-over that stopped after it). */
  private static void takeOver(String url, String user, Path database, String password, Path passwordFile) {
    try (Connection connection = connect(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("SET PASSWORD '" + password + "'");
    } catch (SQLException emptyRefused) {
      if (emptyRefused.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
        throw new StartUpRefused("The H2 database " + database + " could not be opened to give it a password: "
            + emptyRefused.getMessage(), "Check that no other application uses the data directory "
            + database.getParent() + " and that this user may read and write it.", emptyRefused);
      }
      if (!opens(url, user, password)) {
        // Neither password opens it, so the one just made is of no use: leave nothing behind.
        deleteQuietly(passwordFile.resolveSibling(NEW_PASSWORD_FILE));
        throw new StartUpRefused("The H2 database " + database + " has a password, but the data directory has no "
            + passwordFile.getFileName() + " file with it.", "Put back the " + passwordFile + " file that belongs to "
            + "this database (restore the whole data directory), or set spring.datasource.password "
            + "(SPRING_DATASOURCE_PASSWORD) to the database's password.");
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next start finds it and fails the same way
    }
  }

  private static boolean opens(String url, String user, String password) {
    try (Connection connection = connect(url, user, password)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    return org.h2.Driver.load().connect(url, credentials);
  }

  private static String newPassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
