package org.opencsc.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.opencsc.rules.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Who may read each process and its history (issue 21): the groups its diagram gives a user task
 * to, plus team and service managers. Read from the diagrams in the jar, so a diagram that gives a
 * task to another group changes who reads that process at the next start.
 *
 * <p>Per process, the groups granted are kept in {@code ACT_GE_PROPERTY} ({@value #PROPERTY_PREFIX}
 * and the key). At each start READ and READ_HISTORY are withdrawn from the groups kept there that
 * no longer work the process, and from nobody else: a grant an administrator made in Admin (another
 * group, a user, a wildcard, a later re-grant) is left alone.
 */
public final class ProcessReaders {

  private static final Logger log = LoggerFactory.getLogger(ProcessReaders.class);

  /** The diagrams the process archive deploys (pom.xml packs {@code bpmn/} into the jar). */
  static final String DIAGRAMS = "classpath*:bpmn/**/*.bpmn";
  static final String PROPERTY_PREFIX = "opencsc.readers.";
  /** Managers read every process: they sign off and see what is overdue. */
  static final List<String> MANAGERS = List.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS);
  /**
   * What earlier versions granted, for a database with no record of ours yet: every practice group
   * read every process. Which of those grants are there is read from the database, not assumed.
   */
  static final List<String> EARLIER_READERS = List.of("social-workers", "team-managers", "service-managers",
      "agency-decision-makers", "panel-advisers");

  /** The diagrams are read once per JVM: they are part of the jar. */
  private static final AtomicReference<CompletableFuture<ProcessReaders>> READING = new AtomicReference<>();

  private static final Permission[] READS = {ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.READ_HISTORY};

  /** Process key → the groups that read it, ordered. */
  private final Map<String, Set<String>> readers;

  private ProcessReaders(Map<String, Set<String>> readers) {
    this.readers = readers;
  }

  /**
   * Starts reading the diagrams on another thread: on a cold JVM the model API takes a second or
   * two (its schema), which then overlaps with building the engine.
   */
  static void readInBackground() {
    if (READING.get() == null) {
      READING.compareAndSet(null, CompletableFuture.supplyAsync(ProcessReaders::read));
    }
  }

  /** The readers of every executable process in the diagrams packed into the application. */
  public static ProcessReaders fromDiagrams() {
    readInBackground();
    try {
      return READING.get().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static ProcessReaders read() {
    Resource[] diagrams;
    try {
      diagrams = new PathMatchingResourcePatternResolver(ProcessReaders.class.getClassLoader())
          .getResources(DIAGRAMS);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the diagrams " + DIAGRAMS, e);
    }
    if (diagrams.length == 0) {
      // Without diagrams nobody would read any process: a packaging fault, not a setting.
      throw new IllegalStateException("No diagram found at " + DIAGRAMS + ": cannot tell who reads which process");
    }
    List<BpmnModelInstance> models = Arrays.stream(diagrams).map(ProcessReaders::model).toList();
    return of(models);
  }

  /** The readers of every executable process of the models. */
  static ProcessReaders of(Collection<BpmnModelInstance> models) {
    Map<String, Set<String>> readers = new TreeMap<>();
    for (BpmnModelInstance model : models) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          Set<String> groups = readers.computeIfAbsent(process.getId(), key -> new TreeSet<>());
          groups.addAll(workers(process));
          groups.addAll(MANAGERS);
        }
      }
    }
    readers.replaceAll((key, groups) -> Collections.unmodifiableSet(groups));
    return new ProcessReaders(Collections.unmodifiableMap(readers));
  }

  /** Process key → the groups that read it and its history. */
  public Map<String, Set<String>> asMap() {
    return readers;
  }

  /** The candidate groups of the process's user tasks (at any depth: sub-processes too). */
  private static Set<String> workers(Process process) {
    Set<String> groups = new LinkedHashSet<>();
    for (UserTask task : process.getModelInstance().getModelElementsByType(UserTask.class)) {
      if (!process.equals(processOf(task))) {
        continue;
      }
      for (String group : task.getCamundaCandidateGroupsList()) {
        if (group.contains("${") || group.contains("#{")) {
          // Known only at run time: its readers must be granted in Admin.
          log.warn("Task {} of process {} names its candidate groups by an expression ({}); no read grant "
              + "follows from it", task.getId(), process.getId(), group);
        } else if (!group.isBlank()) {
          groups.add(group.trim());
        }
      }
    }
    return groups;
  }

  private static Process processOf(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static BpmnModelInstance model(Resource diagram) {
    try (InputStream in = diagram.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the diagram " + diagram + ": " + e.getMessage(), e);
    }
  }

  /**
   * Grants each process's readers READ and READ_HISTORY on it, and withdraws both from the groups
   * this method granted before (or, on a database of an earlier version, that version granted)
   * that no longer read it. Idempotent; run inside AccessBootstrap's cluster-wide lock.
   */
  void apply(AuthorizationService authorizations, ManagementService management) {
    Map<String, String> properties = management.getProperties();
    Set<String> keys = new TreeSet<>(readers.keySet());
    properties.keySet().stream().filter(name -> name.startsWith(PROPERTY_PREFIX))
        .forEach(name -> keys.add(name.substring(PROPERTY_PREFIX.length())));
    for (String key : keys) {
      String property = property(key);
      Set<String> before = properties.containsKey(property) ? split(properties.get(property))
          : earlierReaders(authorizations, key);
      Set<String> now = readers.getOrDefault(key, Set.of());
      for (String group : before) {
        if (!now.contains(group)) {
          withdraw(authorizations, group, key);
        }
      }
      for (String group : now) {
        AccessBootstrap.grant(authorizations, group, Resources.PROCESS_DEFINITION, key, READS);
      }
      String value = String.join(",", now);
      if (!value.equals(properties.get(property))) {
        if (value.length() > 300) {
          throw new IllegalStateException("Too many groups work process " + key + " to record them: " + value);
        }
        management.setProperty(property, value);
      }
    }
  }

  /** The groups an earlier version let read the process, as their grants in the database show. */
  private static Set<String> earlierReaders(AuthorizationService authorizations, String key) {
    Set<String> groups = new TreeSet<>();
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(EARLIER_READERS.toArray(String[]::new)).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(key).list()) {
      if (Arrays.stream(READS).anyMatch(grant::isPermissionGranted)) {
        groups.add(grant.getGroupId());
      }
    }
    return groups;
  }

  private static String property(String key) {
    String property = PROPERTY_PREFIX + key;
    if (property.length() > 64) {
      // ACT_GE_PROPERTY.NAME_ is varchar(64).
      throw new IllegalStateException("Process key too long to record its readers: " + key);
    }
    return property;
  }

  private static Set<String> split(String groups) {
    Set<String> split = new TreeSet<>();
    for (String group : groups.split(",")) {
      if (!group.isBlank()) {
        split.add(group.trim());
      }
    }
    return split;
  }

  /** Takes READ and READ_HISTORY off the group's grant on the process; a grant left empty goes. */
  private static void withdraw(AuthorizationService authorizations, String group, String key) {
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()) {
      if (Arrays.stream(READS).noneMatch(grant::isPermissionGranted)) {
        continue;
      }
      Arrays.stream(READS).forEach(grant::removePermission);
      boolean empty = Arrays.stream(grant.getPermissions(ProcessDefinitionPermissions.values()))
          .allMatch(permission -> permission == ProcessDefinitionPermissions.NONE);
      if (empty) {
        authorizations.deleteAuthorization(grant.getId());
      } else {
        authorizations.saveAuthorization(grant);
      }
      log.info("Group {} no longer works process {}: withdrew its READ and READ_HISTORY on it", group, key);
    }
  }
}
