package org.opencsc.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Callers at once working through numbered items, as the benchmarks' clients do. */
final class Callers {

  private Callers() {
  }

  /**
   * Runs {@code work} for each of the items 0 .. {@code items - 1}, {@code callers} at a time,
   * each caller taking the next item when it is done; the first failure fails the whole.
   */
  static void each(int callers, int items, IntConsumer work) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
            work.accept(i);
          }
          return null;
        }));
      }
      for (Future<?> caller : running) {
        caller.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
