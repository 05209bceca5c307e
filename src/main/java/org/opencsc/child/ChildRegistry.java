package org.opencsc.child;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.TEXT;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.Answers;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.SubmissionRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The children every case is about. A process can only start for a registered child. */
@Service
public class ChildRegistry {

  static final String NAME = "name";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String LOOKED_AFTER = "lookedAfter";
  static final String DISABLED = "disabled";
  private static final Set<String> FIELDS = Set.of(NAME, DATE_OF_BIRTH, LOOKED_AFTER, DISABLED);
  private static final int MAX_NAME_LENGTH = 200;

  private final ChildRepository children;

  public ChildRegistry(ChildRepository children) {
    this.children = children;
  }

  /**
   * The start rules every case shares: {@code childId} names a registered child. A process adds
   * its own requirements to the rules this returns.
   */
  public StartRules caseStart() {
    return StartRules.start()
        .require("childId", TEXT)
        .check("childId", "must name a child registered at /api/children",
            answers -> exists(answers.text("childId")))
        // Whose case a step is, in every task list (the step's own name stays free of it).
        .shows(CHILD_NAME, answers -> nameOf(answers.text("childId")))
        .shows(CHILD_REFERENCE, answers -> answers.text("childId"));
  }

  /** The child's name, or null when no child (or no such child) is given. */
  @Transactional(readOnly = true)
  public String nameOf(String id) {
    return id == null ? null : children.findById(id).map(Child::getName).orElse(null);
  }

  /** The child's name on each case, for the task lists. */
  public static final String CHILD_NAME = "childName";
  /** The council's reference for the child on each case, for the task lists. */
  public static final String CHILD_REFERENCE = "childReference";

  @Transactional(readOnly = true)
  public boolean exists(String id) {
    return id != null && children.existsById(id);
  }

  @Transactional(readOnly = true)
  public Optional<Child> find(String id) {
    return children.findById(id);
  }

  /** Registers a child from the API's JSON body, or refuses it naming each bad field. */
  @Transactional
  public Child register(Map<String, Object> body, String registeredBy) {
    for (String field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        throw RuleViolation.of(field, "is not a field of a child (expected " + String.join(", ",
            new java.util.TreeSet<>(FIELDS)) + ")");
      }
    }
    Answers answers = Answers.of(body);
    LocalDate today = LondonTime.now().toLocalDate();
    var problems = SubmissionRules.submission()
        .require(NAME, TEXT)
        .require(DATE_OF_BIRTH, DATE)
        .optional(LOOKED_AFTER, BOOLEAN)
        .optional(DISABLED, BOOLEAN)
        .check(NAME, "must be at most " + MAX_NAME_LENGTH + " characters",
            a -> a.text(NAME).length() <= MAX_NAME_LENGTH)
        .check(DATE_OF_BIRTH, "must not be in the future", a -> !a.date(DATE_OF_BIRTH).isAfter(today))
        .problemsIn(answers);
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }
    Child child = new Child(UUID.randomUUID().toString(), answers.text(NAME).strip(),
        answers.date(DATE_OF_BIRTH), answers.isTrue(LOOKED_AFTER), answers.isTrue(DISABLED),
        LondonTime.now().toInstant(), registeredBy);
    return children.insert(child);
  }
}
