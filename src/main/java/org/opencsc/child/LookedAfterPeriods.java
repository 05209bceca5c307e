package org.opencsc.child;

import static org.opencsc.rules.FieldType.DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.Answers;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.SubmissionRules;
import org.springframework.data.domain.Sort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each child was looked after: periods that never overlap, at most one open. The returns ask
 * whether a child was looked after on a date (an episode of going missing counts in SSDA903 only
 * then); the child's own flag says whether a period is open today.
 */
@Service
public class LookedAfterPeriods {

  static final String FROM = "from";
  static final String TO = "to";
  private static final Set<String> FIELDS = Set.of(FROM, TO);

  private final LookedAfterPeriodRepository periods;
  private final ChildRepository children;

  private final ApplicationEventPublisher events;

  public LookedAfterPeriods(LookedAfterPeriodRepository periods, ChildRepository children,
      ApplicationEventPublisher events) {
    this.events = events;
    this.periods = periods;
    this.children = children;
  }

  /** The child's periods, earliest first. */
  @Transactional(readOnly = true)
  public List<LookedAfterPeriod> of(String childId) {
    return periods.findByChildIdOrderByFrom(childId);
  }

  /** Whether the child was looked after on that day. */
  @Transactional(readOnly = true)
  public boolean lookedAfterOn(String childId, LocalDate day) {
    return of(childId).stream().anyMatch(period -> period.covers(day));
  }

  /** Every child's periods, read at once, for an export that asks about many children. */
  @Transactional(readOnly = true)
  public History history() {
    Map<String, List<LookedAfterPeriod>> byChild = new HashMap<>();
    periods.findAll(Sort.by("childId", "from"))
        .forEach(period -> byChild.computeIfAbsent(period.getChildId(), child -> new ArrayList<>()).add(period));
    return new History(byChild);
  }

  /** The periods of every child, earliest first. */
  public record History(Map<String, List<LookedAfterPeriod>> byChild) {

    public List<LookedAfterPeriod> of(String childId) {
      return byChild.getOrDefault(childId, List.of());
    }

    public boolean lookedAfterOn(String childId, LocalDate day) {
      return of(childId).stream().anyMatch(period -> period.covers(day));
    }
  }

  /**
   * {@code {"from": date, "to": date or null}}: ends the open period that began on {@code from},
   * or adds a period; refused (naming the field, nothing written) when it would overlap another,
   * end before it starts, start before the child was born, or lie in the future.
   */
  @Transactional
  public List<LookedAfterPeriod> change(Child child, Map<String, Object> body, String user) {
    for (String field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        throw RuleViolation.of(field, "is not a field of a looked-after period (expected " + String.join(", ",
            new TreeSet<>(FIELDS)) + ")");
      }
    }
    Answers answers = Answers.of(body);
    LocalDate today = LondonTime.now().toLocalDate();
    List<LookedAfterPeriod> known = of(child.getId());
    LookedAfterPeriod open = known.stream().filter(period -> period.getTo() == null).findFirst().orElse(null);
    var problems = SubmissionRules.submission()
        .require(FROM, DATE)
        .optional(TO, DATE)
        .check(FROM, "must not be before the child's date of birth or in the future",
            a -> !a.date(FROM).isBefore(child.getDateOfBirth()) && !a.date(FROM).isAfter(today))
        .check(TO, "must not be before from or in the future",
            a -> a.get(TO) == null || !a.date(TO).isBefore(a.date(FROM)) && !a.date(TO).isAfter(today))
        .check(FROM, "overlaps another looked-after period of the child", a -> {
          LocalDate from = a.date(FROM);
          LocalDate to = a.get(TO) == null ? null : a.date(TO);
          boolean endsTheOpenOne = open != null && open.getFrom().equals(from) && to != null;
          return known.stream().filter(period -> !(endsTheOpenOne && period == open))
              .noneMatch(period -> period.overlaps(from, to));
        })
        .problemsIn(answers);
    if (!problems.isEmpty()) {
      throw new RuleViolation(problems);
    }
    LocalDate from = answers.date(FROM);
    LocalDate to = answers.get(TO) == null ? null : answers.date(TO);
    if (open != null && open.getFrom().equals(from) && to != null) {
      open.end(to);
      events.publishEvent(new LookedAfterPeriodChanged(child.getId(), from, to));
    } else {
      record(child, from, to, user);
      if (to == null) {
        events.publishEvent(new LookedAfterPeriodChanged(child.getId(), from, null));
      }
    }
    child.lookedAfter(lookedAfterOn(child.getId(), today));
    children.save(child);
    return of(child.getId());
  }

  /** Adds a period already checked (a child registered as looked after). */
  @Transactional
  void record(Child child, LocalDate from, LocalDate to, String user) {
    periods.insert(new LookedAfterPeriod(UUID.randomUUID().toString(), child.getId(), from, to,
        LondonTime.now().toInstant(), user));
  }
}
