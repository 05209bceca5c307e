package org.opencsc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server for the shared test context: GreenMail on spring.mail.port (3025 in
 * application-test.yml; SPRING_MAIL_PORT moves it, so two test runs can share a machine).
 */
@TestConfiguration
public class MailServer {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(@Value("${spring.mail.port}") int port) {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.port(port));
    server.start();
    return server;
  }
}
