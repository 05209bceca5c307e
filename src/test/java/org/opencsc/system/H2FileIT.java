package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;

/**
 * The embedded H2 file is the application's alone (issue 21): its data directory and files are
 * private to the user running it, and the database has a password of its own, kept in the data
 * directory, instead of user sa with an empty one. A database of an earlier release is taken over
 * with its data.
 */
class H2FileIT {

  private static final String EMPTY = "";

  @TempDir
  Path workDir;

  @Test
  void aNewDataDirectoryIsPrivateAndTheDatabaseHasAPasswordOfItsOwn() throws Exception {
    Path dataDir = workDir.resolve("data");
    try (RunningApplication app = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo")
        .awaitReady()) {
      assertPrivate(dataDir);
      assertThat(names(dataDir)).contains("opencsc.mv.db", "h2-password");
      assertThat(Files.readString(dataDir.resolve("h2-password")).strip()).hasSizeGreaterThanOrEqualTo(40);
    }

    assertRefusesTheEmptyPassword(dataDir);
    try (Connection db = RunningApplication.database(dataDir);
        ResultSet admins = db.createStatement().executeQuery("select count(*) from ACT_ID_USER where ID_ = 'admin'")) {
      admins.next();
      assertThat(admins.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aDatabaseOfAnEarlierReleaseWithTheEmptyPasswordIsTakenOverAndKeepsItsData() throws Exception {
    Path dataDir = Files.createDirectories(workDir.resolve("data"));
    String url = "jdbc:h2:file:" + dataDir.resolve("opencsc");
    try (Connection earlier = DriverManager.getConnection(url, "sa", EMPTY)) {
      earlier.createStatement().execute("create table earlier_note (note varchar(100))");
      earlier.createStatement().execute("insert into earlier_note values ('kept across the upgrade')");
    }
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dataDir.resolve("opencsc.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

    try (RunningApplication app = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo")
        .awaitReady()) {
      assertThat(new Api(app.port).get("/engine-rest/user/sarah/profile", "sarah").status()).isEqualTo(200);
      assertPrivate(dataDir);
      assertThat(app.output()).contains("had an empty password; it now has the password in");
    }

    assertThat(names(dataDir)).contains("h2-password").doesNotContain("h2-password.new");
    assertRefusesTheEmptyPassword(dataDir);
    try (Connection db = RunningApplication.database(dataDir);
        ResultSet note = db.createStatement().executeQuery("select note from earlier_note")) {
      assertThat(note.next()).isTrue();
      assertThat(note.getString(1)).isEqualTo("kept across the upgrade");
    }
  }

  @Test
  void aDatabaseWithAPasswordButNoPasswordFileStopsStartUpAndIsLeftAsItWas() throws Exception {
    Path dataDir = Files.createDirectories(workDir.resolve("data"));
    String url = "jdbc:h2:file:" + dataDir.resolve("opencsc");
    try (Connection copied = DriverManager.getConnection(url, "sa", "a password kept elsewhere")) {
      copied.createStatement().execute("create table copied_note (note varchar(100))");
    }

    RunningApplication app = RunningApplication.launch(dataDir, Map.of(), "--spring.profiles.active=demo");

    assertThat(app.awaitExit()).isNotZero();
    StartUpRefusedIT.assertShortReport(app.output(), "The H2 database " + dataDir.resolve("opencsc")
        + " has a password, but the data directory has no h2-password file with it.",
        "Put back the " + dataDir.resolve("h2-password") + " file that belongs to this database");
    assertThat(names(dataDir)).doesNotContain("h2-password", "h2-password.new");
    assertPrivate(dataDir);
    try (Connection db = DriverManager.getConnection(url, "sa", "a password kept elsewhere")) {
      assertThat(db.isValid(5)).isTrue();
    }
  }

  @Test
  void aPasswordTheOperatorSetIsUsedAsItIs() throws Exception {
    Path dataDir = workDir.resolve("data");
    try (RunningApplication app = RunningApplication.launch(dataDir,
        Map.of("SPRING_DATASOURCE_PASSWORD", "the operator's own"), "--spring.profiles.active=demo").awaitReady()) {
      assertPrivate(dataDir);
    }

    assertThat(names(dataDir)).doesNotContain("h2-password");
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("opencsc"), "sa",
        "the operator's own")) {
      assertThat(db.isValid(5)).isTrue();
    }
  }

  /** The directory 0700 and every file in it 0600. */
  private static void assertPrivate(Path dataDir) throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  private static void assertRefusesTheEmptyPassword(Path dataDir) {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("opencsc"), "sa", EMPTY)
        .close()).isInstanceOfSatisfying(SQLException.class,
            refused -> assertThat(refused.getErrorCode()).as(refused.getMessage()).isEqualTo(28000));
  }

  private static List<String> names(Path dataDir) throws Exception {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }
}
