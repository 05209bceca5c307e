package org.opencsc.child;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.CaseworkDone;
import org.opencsc.engine.KnownUsers;
import org.opencsc.rules.Answers;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.SubmissionRules;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The children every case is about. A process can only start for a registered child. */
@Service
public class ChildRegistry {

  static final String NAME = "name";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String LOOKED_AFTER = "lookedAfter";
  static final String DISABLED = "disabled";
  static final String LA_CHILD_ID = "laChildId";
  static final String UPN = "upn";
  static final String GENDER = "gender";
  static final String ETHNICITY = "ethnicity";
  static final String UASC = "uasc";
  static final String LOOKED_AFTER_FROM = "lookedAfterFrom";
  static final String ALLOCATED_TEAM = "allocatedTeam";
  static final String ALLOCATED_WORKER = "allocatedWorker";
  private static final Set<String> FIELDS = Set.of(NAME, DATE_OF_BIRTH, LOOKED_AFTER, DISABLED, LA_CHILD_ID, UPN,
      GENDER, ETHNICITY, UASC, LOOKED_AFTER_FROM, ALLOCATED_TEAM, ALLOCATED_WORKER);
  private static final int MAX_NAME_LENGTH = 200;
  /** The DfE's gender codes, as the contract spells them. */
  public static final List<String> GENDERS = List.of("MALE", "FEMALE", "NOT_STATED", "NEITHER");
  /** The DfE's ethnicity codes (the census and SSDA903 lists). */
  public static final List<String> ETHNICITIES = List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
      "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

  private final ChildRepository children;
  private final LookedAfterPeriods periods;
  private final KnownUsers users;

  public ChildRegistry(ChildRepository children, LookedAfterPeriods periods, KnownUsers users) {
    this.children = children;
    this.periods = periods;
    this.users = users;
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
  /**
   * Keeps the allocated worker current: whoever completed casework on one of the child's cases
   * last holds the case (a worker set at registration stands until then).
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onCasework(CaseworkDone done) {
    children.findById(done.childId()).ifPresent(child -> child.allocatedTo(done.user()));
  }

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
    Answers answers = Answers.of(normalised(body));
    LocalDate today = LondonTime.now().toLocalDate();
    var problems = SubmissionRules.submission()
        .require(NAME, TEXT)
        .require(DATE_OF_BIRTH, DATE)
        .optional(LOOKED_AFTER, BOOLEAN)
        .optional(DISABLED, BOOLEAN)
        .optional(LA_CHILD_ID, LINE)
        .optional(UPN, LINE)
        .optional(GENDER, oneOf(GENDERS.toArray(String[]::new)))
        .optional(ETHNICITY, oneOf(ETHNICITIES.toArray(String[]::new)))
        .optional(UASC, BOOLEAN)
        .optional(LOOKED_AFTER_FROM, DATE)
        .optional(ALLOCATED_TEAM, LINE)
        .optional(ALLOCATED_WORKER, LINE)
        .check(NAME, "must be at most " + MAX_NAME_LENGTH + " characters",
            a -> a.text(NAME).length() <= MAX_NAME_LENGTH)
        .check(DATE_OF_BIRTH, "must not be in the future", a -> !a.date(DATE_OF_BIRTH).isAfter(today))
        .check(LA_CHILD_ID, "is already the id of another child", a -> a.text(LA_CHILD_ID) == null
            || !children.existsByLaChildId(a.text(LA_CHILD_ID)))
        .check(UPN, "must be a Unique Pupil Number: 13 characters, the first the DfE check letter",
            a -> a.text(UPN) == null || Upn.valid(a.text(UPN)))
        .check(LOOKED_AFTER_FROM, "is only for a child looked after (lookedAfter true)",
            a -> a.get(LOOKED_AFTER_FROM) == null || a.isTrue(LOOKED_AFTER))
        .check(LOOKED_AFTER_FROM, "must not be before dateOfBirth or in the future",
            a -> a.get(LOOKED_AFTER_FROM) == null || !a.date(LOOKED_AFTER_FROM).isBefore(a.date(DATE_OF_BIRTH))
                && !a.date(LOOKED_AFTER_FROM).isAfter(today))
        .check(ALLOCATED_WORKER, "must be a known user id", a -> a.text(ALLOCATED_WORKER) == null
            || users.exists(a.text(ALLOCATED_WORKER)))
        .problemsIn(answers);
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }
    Child child = new Child(UUID.randomUUID().toString(), answers.text(NAME).strip(),
        answers.date(DATE_OF_BIRTH), answers.isTrue(LOOKED_AFTER), answers.isTrue(DISABLED),
        LondonTime.now().toInstant(), registeredBy, new Child.ReturnDetails(answers.text(LA_CHILD_ID), answers.text(UPN),
            answers.text(GENDER), answers.text(ETHNICITY), (Boolean) answers.get(UASC), answers.text(ALLOCATED_TEAM),
            answers.text(ALLOCATED_WORKER)));
    children.insert(child);
    if (child.isLookedAfter()) {
      LocalDate from = answers.get(LOOKED_AFTER_FROM) == null ? today : answers.date(LOOKED_AFTER_FROM);
      periods.record(child, from, null, registeredBy);
    }
    return child;
  }

  /** Ids and codes as the returns spell them: trimmed, a UPN in capitals. */
  private static Map<String, Object> normalised(Map<String, Object> body) {
    Map<String, Object> values = new java.util.HashMap<>(body);
    for (String field : List.of(LA_CHILD_ID, UPN, ALLOCATED_TEAM, ALLOCATED_WORKER)) {
      if (values.get(field) instanceof String text) {
        values.put(field, text.isBlank() ? null : field.equals(UPN) ? text.strip().toUpperCase(Locale.UK) : text.strip());
      }
    }
    return values;
  }
}
