package org.opencsc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What our process engine plugins share when they add to the engine's configuration. */
public final class EnginePlugins {

  private EnginePlugins() {
  }

  /**
   * Adds the item to one of the engine's custom lists (history levels, session factories, job
   * handlers, parse listeners), which is null until someone sets it, keeping what other plugins added.
   */
  public static <T> void append(List<T> current, Consumer<List<T>> set, T item) {
    List<T> list = current == null ? new ArrayList<>() : new ArrayList<>(current);
    list.add(item);
    set.accept(list);
  }
}
