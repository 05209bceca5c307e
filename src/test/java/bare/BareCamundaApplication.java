package bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick for our benchmarks: Camunda 7 with its Spring Boot starters (engine, REST API,
 * webapps) and nothing of ours — no listeners, rules, security, own tables or migrations.
 * It lives outside {@code org.opencsc} so that our application never scans it.
 *
 * <p>Everything is set on the command line by the benchmark (see {@code BareApplication}):
 * {@code --spring.config.name=bare} so no configuration file of ours is read, the H2 file, the
 * processes to deploy and the auto-configurations of libraries only we use (Spring Security,
 * Flyway, JPA, Spring Session) switched off.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] arguments) {
    SpringApplication.run(BareCamundaApplication.class, arguments);
  }
}
