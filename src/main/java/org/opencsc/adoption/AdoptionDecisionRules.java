package org.opencsc.adoption;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.INTEGER;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of an adoption decision (domain rules §4; Adoption Agencies Regulations 2005;
 * Ofsted recommendations 13 and 14): every section of the child permanence report, every paper
 * read, the decision maker's own reasons, no panel member deciding, and the 7/2/5 working days.
 */
@Component
@Order(4) // where the dashboard and the figures list it
public class AdoptionDecisionRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "adoptionDecision";
  public static final int DECISION_WITHIN_WORKING_DAYS = 7;
  public static final int ORAL_NOTICE_WITHIN_WORKING_DAYS = 2;
  public static final int WRITTEN_NOTICE_WITHIN_WORKING_DAYS = 5;
  public static final int REPRESENTATIONS_WITHIN_WORKING_DAYS = 40;
  public static final int MIN_REASONS_LENGTH = 50;
  /** User ids separated by commas; spaces and empty entries between them are allowed. */
  static final String USER_IDS = "^[\\s,]*[A-Za-z0-9._@-]{1,64}(?:\\s*,[\\s,]*[A-Za-z0-9._@-]{1,64})*[\\s,]*$";

  private static final Predicate<Answers> PANEL = answers -> answers.is("route", "PANEL");
  private static final Predicate<Answers> IRM_APPLIED = answers -> answers.get("irmAppliedAt") != null;

  private final ChildRegistry children;
  private final AdoptionDecisions cases;

  public AdoptionDecisionRules(ChildRegistry children, AdoptionDecisions cases) {
    super(PROCESS_KEY, "Adoption decisions", "adoption_decision");
    this.children = children;
    this.cases = cases;
  }

  /** The direct route is only for should-be-placed cases where a placement order will be sought. */
  @Override
  public StartRules start() {
    return children.caseStart()
        .require("decisionType", oneOf("SHOULD_BE_PLACED", "ADOPTER_APPROVAL", "MATCH"))
        .require("route", oneOf("PANEL", "DIRECT"))
        .check("route", "DIRECT is only for a SHOULD_BE_PLACED decision",
            answers -> !answers.is("route", "DIRECT") || answers.is("decisionType", "SHOULD_BE_PLACED"));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        // Every section present; siblings whenever the child has any; the medical adviser's summary.
        TaskRules.task("prepareChildPermanenceReport").casework()
            .require("cprChildAndFamily", TEXT)
            .require("siblingCount", INTEGER)
            .requireWhen("cprSiblings", TEXT, "siblingCount is more than 0", answers -> siblings(answers) > 0)
            .require("cprHealthSummary", TEXT)
            .require("cprWishesAndFeelings", TEXT)
            .require("cprContact", TEXT)
            .require("cprChronology", TEXT)
            .require("cprOptionsAnalysis", TEXT)
            .atLeast("siblingCount", 0, "must not be negative"),
        TaskRules.task("qualityAssureCpr")
            .require("cprApproved", BOOLEAN)
            .require("managerRationale", TEXT)
            .signsOff("prepareChildPermanenceReport")
            .onCompleted(cases::cprQualityAssured),
        TaskRules.task("recordPanelRecommendation")
            .require("panelDate", DATE)
            .require("panelRecommendsApproval", BOOLEAN)
            .require("panelMembers", TEXT)
            .require("finalMinutesReceivedAt", DATE_TIME)
            .matches("panelMembers", USER_IDS, "must be user ids separated by commas")
            .check("finalMinutesReceivedAt", "must not be before panelDate or in the future", answers ->
                LondonTime.notAfterNow(answers.dateTime("finalMinutesReceivedAt"))
                    && !answers.dateTime("finalMinutesReceivedAt").toLocalDate().isBefore(answers.date("panelDate")))
            .onCompleted(cases::panelRecommended),
        // Each paper confirmed read, own reasons, departure reasons; never a panel member.
        TaskRules.task("makeAgencyDecision").showsInUkTime("admDecisionDueAt")
            .require("readCpr", BOOLEAN)
            .require("readHealthSummary", BOOLEAN)
            .require("readLegalAdvice", BOOLEAN)
            .requireWhen("readPanelMinutes", BOOLEAN, "route is PANEL", PANEL)
            .requireWhen("readPanelRecommendation", BOOLEAN, "route is PANEL", PANEL)
            .require("admApproves", BOOLEAN)
            .require("admReasons", TEXT)
            .requireWhen("departureReasons", TEXT, "the decision differs from the panel's recommendation",
                AdoptionDecisionRules::departsFromPanel)
            .mustTick("readCpr", "must be true: confirm you have read the child permanence report")
            .mustTick("readHealthSummary", "must be true: confirm you have read the medical adviser's summary")
            .mustTick("readLegalAdvice", "must be true: confirm you have read the legal advice")
            .mustTickWhen("readPanelMinutes", "must be true: confirm you have read the panel's final minutes", PANEL)
            .mustTickWhen("readPanelRecommendation", "must be true: confirm you have read the panel's recommendation", PANEL)
            .atLeastCharacters("admReasons", MIN_REASONS_LENGTH,
                "must be at least " + MIN_REASONS_LENGTH + " characters: your own reasons")
            .notBy("a member of the panel (panelMembers) may not make the agency decision", AdoptionDecisionRules::panelMembers)
            .signsOff("prepareChildPermanenceReport")
            .deadline("admDecisionDueAt", BreachCode.ADM_DECISION_LATE)
            .onCompleted(cases::decided),
        TaskRules.task("escalateOverdueAgencyDecision").showsInUkTime("admDecisionDueAt")
            .require("managerAction", TEXT),
        // Minded not to approve prospective adopters: 40 working days for representations or the IRM.
        // The 40 working days run from the notice being sent (reg 30B), not from the decision.
        TaskRules.task("sendQualifyingDeterminationNotice")
            .require("qdNoticeSentAt", DATE_TIME)
            .check("qdNoticeSentAt", "must not be before the agency decision (makeAgencyDecisionCompletedAt) or in the future",
                answers -> LondonTime.notAfterNow(answers.dateTime("qdNoticeSentAt"))
                    && !answers.dateTime("qdNoticeSentAt").isBefore(
                        answers.dateTime(TaskRules.completedAtVariable("makeAgencyDecision")))),
        TaskRules.task("recordIrmRecommendation").showsInUkTime("irmAppliedAt")
            .require("irmRecommendation", oneOf("APPROVE", "NOT_APPROVE"))
            .require("irmRecommendationReceivedAt", DATE_TIME)
            .check("irmRecommendationReceivedAt", "must not be before irmAppliedAt (the application) or in the future",
                answers -> LondonTime.notAfterNow(answers.dateTime("irmRecommendationReceivedAt"))
                    && !answers.dateTime("irmRecommendationReceivedAt").isBefore(answers.dateTime("irmAppliedAt"))),
        TaskRules.task("recordRepresentations").showsInUkTime("representationsDueAt")
            .require("representationsReceived", BOOLEAN)
            .requireWhen("representationsSummary", TEXT, "representationsReceived is true",
                answers -> answers.isTrue("representationsReceived"))
            .optional("reviewPanelRecommendation", TEXT),
        TaskRules.task("makeFinalAgencyDecision")
            .requireWhen("readIrmRecommendation", BOOLEAN, "the adopters applied to the IRM", IRM_APPLIED)
            .mustTickWhen("readIrmRecommendation", "must be true: read the IRM panel's recommendation before deciding",
                IRM_APPLIED)
            .require("finalApproves", BOOLEAN)
            .require("finalReasons", TEXT)
            .atLeastCharacters("finalReasons", MIN_REASONS_LENGTH,
                "must be at least " + MIN_REASONS_LENGTH + " characters: your own reasons")
            .notBy("a member of the panel (panelMembers) may not make the agency decision", AdoptionDecisionRules::panelMembers)
            .signsOff("prepareChildPermanenceReport")
            .onCompleted(cases::finallyDecided),
        TaskRules.task("notifyDecisionOrally").casework().showsInUkTime("oralNoticeDueAt", "decidedAt")
            .require("notifiedOrallyAt", DATE_TIME)
            .require("personsNotified", TEXT)
            .check("notifiedOrallyAt", "must not be before the decision (decidedAt) or in the future",
                answers -> noticeAfterDecision(answers, "notifiedOrallyAt"))
            .deadline("oralNoticeDueAt", BreachCode.ADM_NOTIFY_ORAL_LATE)
            .metAt("notifiedOrallyAt")
            .onCompleted(cases::toldOrally),
        TaskRules.task("notifyDecisionInWriting").casework().showsInUkTime("writtenNoticeDueAt", "decidedAt")
            .require("writtenNoticeSentAt", DATE_TIME)
            .check("writtenNoticeSentAt", "must not be before the decision (decidedAt) or in the future",
                answers -> noticeAfterDecision(answers, "writtenNoticeSentAt"))
            .deadline("writtenNoticeDueAt", BreachCode.ADM_NOTIFY_WRITTEN_LATE)
            .metAt("writtenNoticeSentAt")
            .onCompleted(cases::toldInWriting));
  }

  /** Adopter approval the decision maker is minded to refuse: a qualifying determination. */
  static boolean isQualifyingDetermination(Answers answers) {
    return answers.is("decisionType", "ADOPTER_APPROVAL") && answers.isFalse("admApproves");
  }

  private static boolean departsFromPanel(Answers answers) {
    return PANEL.test(answers) && answers.get("admApproves") instanceof Boolean approves
        && approves != answers.isTrue("panelRecommendsApproval");
  }

  private static boolean noticeAfterDecision(Answers answers, String field) {
    return LondonTime.notAfterNow(answers.dateTime(field))
        && !answers.dateTime(field).isBefore(answers.dateTime("decidedAt"));
  }

  private static long siblings(Answers answers) {
    Long count = answers.integer("siblingCount");
    return count == null ? 0 : count;
  }

  private static Set<String> panelMembers(Answers answers) {
    String members = answers.text("panelMembers");
    return members == null ? Set.of() : Arrays.stream(members.split(",")).map(String::strip)
        .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
  }

  /**
   * A milestone of the child's adoption plan (Annex A List 10), recorded once as the court or the
   * agency reaches it: a date that has come and is not before the step it follows (when recorded).
   */
  private static MessageRules milestone(String messageName, String field, String after, String afterField) {
    return MessageRules.message(messageName)
        .require(field, DATE)
        .check(field, "must not be before " + after + " or in the future", answers -> {
          LocalDate on = answers.date(field);
          Object earlier = answers.get(afterField);
          LocalDate earliest = earlier == null ? null : afterField.endsWith("At")
              ? answers.dateTime(afterField).toLocalDate() : answers.date(afterField);
          return !on.isAfter(LondonTime.now().toLocalDate()) && (earliest == null || !on.isBefore(earliest));
        });
  }

  /** Annex A List 10's reasons a child should no longer be placed for adoption, as the template words them. */
  public static final SortedMap<String, String> NO_LONGER_TO_BE_PLACED_REASONS = new TreeMap<>(Map.of(
      "RD1", "RD1 - The child’s needs changed subsequent to the decision",
      "RD2", "RD2 - The Court did not make a placement order",
      "RD3", "RD3 - Prospective adopters could not be found",
      "RD4", "RD4 - Any other reason"));

  /**
   * The prospective adopters applied to the Independent Review Mechanism (reg 30B), while the
   * representation period runs: the final decision then waits for the IRM panel.
   */
  @Override
  public List<MessageRules> messages() {
    return List.of(milestone("PlacementOrderMade", "placementOrderOn", "the decision (decidedAt)", "decidedAt"),
        milestone("ChildPlacedForAdoption", "placedForAdoptionOn", "the decision (decidedAt)", "decidedAt"),
        milestone("AdoptionOrderMade", "adoptionOrderOn", "the placement (placedForAdoptionOn)", "placedForAdoptionOn"),
        milestone("DecidedNoLongerToPlace", "noLongerToBePlacedOn", "the decision (decidedAt)", "decidedAt")
            .require("noLongerToBePlacedReason", oneOf(NO_LONGER_TO_BE_PLACED_REASONS.keySet().toArray(String[]::new))),
        MessageRules.message("IrmApplicationMade")
        .require("irmAppliedAt", DATE_TIME)
        .check("irmAppliedAt", "must not be before qdNoticeSentAt (the notice) or in the future",
            answers -> LondonTime.notAfterNow(answers.dateTime("irmAppliedAt"))
                && (answers.dateTime("qdNoticeSentAt") == null
                    || !answers.dateTime("irmAppliedAt").isBefore(answers.dateTime("qdNoticeSentAt")))));
  }
}
