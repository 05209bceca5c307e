package org.opencsc.reviews;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.TEXT;

import java.time.LocalDate;
import java.util.List;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.Groups;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The reviews of a looked-after child's care plan by an independent reviewing officer (Care
 * Planning, Placement and Case Review (England) Regulations 2010, reg 33; IRO Handbook 2010): the
 * first within 20 working days of the child becoming looked after, the second within 3 months of
 * the first, then at most every 6 months, each recording the child's views and whether the IRO met
 * the child before it.
 */
@Component
@Order(6) // after the child protection plan on the dashboard
public class LookedAfterReviewRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "lookedAfterReviews";
  public static final int FIRST_REVIEW_WITHIN_WORKING_DAYS = 20;
  public static final int SECOND_REVIEW_WITHIN_MONTHS = 3;
  public static final int LATER_REVIEW_WITHIN_MONTHS = 6;

  private final ChildRegistry children;
  private final LookedAfterReviews cases;

  public LookedAfterReviewRules(ChildRegistry children, LookedAfterReviews cases) {
    super(PROCESS_KEY, "Looked-after reviews", "looked_after_reviews");
    this.children = children;
    this.cases = cases;
  }

  /** Whoever records a child's periods of care: the reviews start and end with them. */
  @Override
  public List<String> starters() {
    return List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS);
  }

  /** From the day the child became looked after; one set of reviews at a time for a child. */
  @Override
  public StartRules start() {
    return children.caseStart()
        .require("lookedAfterFrom", DATE)
        .check("lookedAfterFrom", "must not be in the future",
            answers -> !answers.date("lookedAfterFrom").isAfter(LondonTime.now().toLocalDate()))
        .check("childId", "already has looked-after reviews running: the child is looked after already",
            answers -> answers.text("childId") == null || !cases.runningFor(answers.text("childId")));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(TaskRules.task("holdLookedAfterReview").showsInUkTime("lacReviewDueAt")
        .require("reviewHeldOn", DATE)
        .require("childViews", TEXT)
        .require("iroMetChild", BOOLEAN)
        .check("reviewHeldOn", "must not be before the child became looked after (lookedAfterFrom) or the last review "
            + "(lastReviewOn), or in the future", answers -> {
              LocalDate held = answers.date("reviewHeldOn");
              LocalDate earliest = answers.date("lastReviewOn") != null ? answers.date("lastReviewOn")
                  : answers.date("lookedAfterFrom");
              return !held.isAfter(LondonTime.now().toLocalDate()) && !held.isBefore(earliest);
            })
        .deadline("lacReviewDueAt", BreachCode.LAC_REVIEW_LATE)
        .metAt("reviewHeldOn")
        .onCompleted(cases::reviewed));
  }

  /** The child is no longer looked after: the reviews end (sent when the open period is ended). */
  @Override
  public List<MessageRules> messages() {
    return List.of(MessageRules.message(LookedAfterReviews.CEASED)
        .require("lookedAfterTo", DATE)
        .check("lookedAfterTo", "must not be before lookedAfterFrom or in the future", answers ->
            !answers.date("lookedAfterTo").isBefore(answers.date("lookedAfterFrom"))
                && !answers.date("lookedAfterTo").isAfter(LondonTime.now().toLocalDate())));
  }
}
