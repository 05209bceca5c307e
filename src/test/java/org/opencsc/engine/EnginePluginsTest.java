package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Our engine plugins add to the engine's lists without losing what another plugin added. */
class EnginePluginsTest {

  private List<String> set;

  @Test
  void anUnsetListStartsWithTheItem() {
    EnginePlugins.append(null, list -> set = list, "ours");
    assertThat(set).containsExactly("ours");
  }

  @Test
  void aListOtherPluginsFilledKeepsTheirItems() {
    List<String> theirs = List.of("theirs");
    EnginePlugins.append(theirs, list -> set = list, "ours");
    assertThat(set).containsExactly("theirs", "ours");
    assertThat(theirs).containsExactly("theirs");
    EnginePlugins.append(new ArrayList<>(set), list -> set = list, "more");
    assertThat(set).containsExactly("theirs", "ours", "more");
  }
}
