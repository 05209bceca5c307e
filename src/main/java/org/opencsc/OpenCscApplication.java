package org.opencsc;

import java.util.TimeZone;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Statutory children's social care workflow: the four processes, their rules and deadlines,
 * on an embedded Camunda 7 engine with Tasklist, Cockpit and Admin.
 */
@SpringBootApplication
@EnableProcessApplication("opencsc")
public class OpenCscApplication {

  public static void main(String[] args) {
    // Councils work in UK time; engine dates in REST answers and Tasklist follow it.
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    SpringApplication.run(OpenCscApplication.class, args);
  }
}
