package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a process declares by default, the groups of the contract and its breach codes. */
class ProcessRulesTest {

  private static final ProcessRules BARE = new ProcessRules() {
    @Override
    public String processKey() {
      return "bare";
    }

    @Override
    public StartRules start() {
      return StartRules.start();
    }

    @Override
    public List<TaskRules> tasks() {
      return List.of();
    }
  };

  @Test
  void aProcessIsStartedBySocialWorkersAndTeamManagersUnlessItSaysOtherwise() {
    assertThat(BARE.starters()).containsExactly("social-workers", "team-managers");
  }

  @Test
  void aProcessWaitsForNoMessagesAndKeepsNoCaseTableUnlessItSaysSo() {
    assertThat(BARE.messages()).isEmpty();
    assertThat(BARE.caseTable()).isEmpty();
  }

  @Test
  void practiceGroupsAreThoseWhoWorkCasesAndAllGroupsAddAnalystsAndAdministrators() {
    assertThat(Groups.PRACTICE).containsExactly("social-workers", "team-managers", "service-managers",
        "agency-decision-makers", "panel-advisers");
    assertThat(Groups.ALL).containsExactly("social-workers", "team-managers", "service-managers",
        "agency-decision-makers", "panel-advisers", "process-analysts", "camunda-admin");
  }

  @Test
  void eachGroupHasADisplayNameAndAnUnknownGroupShowsItsId() {
    assertThat(Groups.ALL).extracting(Groups::displayName).containsExactly("Social workers", "Team managers",
        "Service managers", "Agency decision makers", "Panel advisers", "Process analysts", "Camunda administrators");
    assertThat(Groups.displayName("foster-carers")).isEqualTo("foster-carers");
  }

  @Test
  void breachCodesAreSpelledAsTheContractNamesThem() {
    assertThat(Arrays.stream(BreachCode.values()).map(Enum::name)).containsExactly(
        "RHI_NOT_WITHIN_72H", "STRATEGY_AGENCY_ABSENT", "ICPC_NOT_WITHIN_15WD", "PF_FIRST_VISIT_LATE",
        "PF_VISIT_OVERDUE", "ADM_DECISION_LATE", "ADM_NOTIFY_ORAL_LATE", "ADM_NOTIFY_WRITTEN_LATE");
  }
}
