package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

/** The SDK's card I/O threads, for checks that none stays blocked. */
public final class CardThreads {

  private static final String PREFIX = "ins-card-io-";

  private CardThreads() {}

  /**
   * Lists the card I/O threads alive now.
   *
   * @return their names
   */
  public static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(PREFIX) && t.isAlive())
        .map(Thread::getName).toList();
  }

  /**
   * Waits (by joining them) until every card I/O thread has ended, then asserts none is left.
   *
   * @param max the longest wait
   * @throws InterruptedException when interrupted
   */
  public static void assertAllEndWithin(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(PREFIX)) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    }
    assertEquals(List.of(), alive(), "card I/O threads still blocked after " + max);
  }
}
