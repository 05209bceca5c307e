package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        "agency-decision-makers", "panel-advisers", "independent-reviewing-officers", "heads-of-service",
        "legal-advisers");
    assertThat(Groups.ALL).containsExactly("social-workers", "team-managers", "service-managers",
        "agency-decision-makers", "panel-advisers", "independent-reviewing-officers", "heads-of-service",
        "legal-advisers", "process-analysts", "camunda-admin");
  }

  @Test
  void eachGroupHasADisplayNameAndAnUnknownGroupShowsItsId() {
    assertThat(Groups.ALL).extracting(Groups::displayName).containsExactly("Social workers", "Team managers",
        "Service managers", "Agency decision makers", "Panel advisers", "Independent reviewing officers",
        "Heads of service", "Legal advisers", "Process analysts", "Camunda administrators");
    assertThat(Groups.displayName("foster-carers")).isEqualTo("foster-carers");
  }

  @Test
  void breachCodesAreSpelledAsTheContractNamesThemAndInItsOrder() throws IOException {
    String contract = Files.readString(Path.of("..", "shared", "contract.md"));
    String list = contract.substring(contract.indexOf("Breach codes:"));
    list = list.substring(0, list.indexOf("\n\n"));
    List<String> named = new ArrayList<>();
    Matcher code = Pattern.compile("`([A-Z0-9_]+)`").matcher(list);
    while (code.find()) {
      named.add(code.group(1));
    }
    assertThat(named).as("the contract's breach codes").contains("RHI_NOT_WITHIN_72H", "ADM_NOTIFY_WRITTEN_LATE");
    assertThat(named).containsSubsequence(Arrays.stream(BreachCode.values()).map(Enum::name).toList());
  }
}
