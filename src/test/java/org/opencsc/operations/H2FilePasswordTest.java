package org.opencsc.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The H2 password is a matter for H2 files only; a database URL not known yet is left alone. */
class H2FilePasswordTest {

  @TempDir
  Path dataDir;

  @Test
  void aDatabaseUrlSetLaterIsNotAnH2FileAndStartsNothing() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("profile", Map.of(
        "spring.datasource.url", "${OPENCSC_DB_URL_NOT_SET_IN_THIS_TEST}", "opencsc.data-dir", dataDir.toString())));

    new H2FilePassword(Supplier::get).postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains("opencsc.h2-password")).isFalse();
    assertThat(dataDir.resolve(H2FilePassword.PASSWORD_FILE)).doesNotExist();
  }
}
