package org.opencsc;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail on port 3025, spring.mail in application-test.yml) for the shared test context. */
@TestConfiguration
public class MailServer {

  @Bean(destroyMethod = "stop")
  GreenMail greenMail() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP);
    server.start();
    return server;
  }
}
