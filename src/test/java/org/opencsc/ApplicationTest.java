package org.opencsc;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;

/**
 * Base of every in-JVM test: the whole application on a random port with the one shared test
 * configuration (in-memory H2, job executor off, authorization on, demo users), so Spring
 * caches a single context and a single engine.
 */
@SpringBootTest(classes = OpenCscApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({WorkflowFixture.class, ProcessEngineCoverageConfiguration.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ApplicationTest {

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine engine;

  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClockAndIdentity() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Moves the engine's clock (deadlines, timers, breaches all read it). */
  protected static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Registers a child through the API, as a social worker would. */
  protected String registerChild(String name) {
    Api.Reply reply = api.post("/api/children", "sarah",
        Map.of("name", name, "dateOfBirth", "2012-04-01", "lookedAfter", true, "disabled", false));
    if (reply.status() != 201) {
      throw new IllegalStateException("Could not register child: " + reply);
    }
    return reply.json().get("id").asText();
  }
}
