package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.internal.TerminalsCardReaders;
import java.time.Duration;
import java.util.List;

/** The SDK's card I/O threads, for checks that none stays blocked in a card call. */
public final class CardThreads {

  private static final String IN_CALL = "ins-card-io-call ";

  private CardThreads() {}

  /**
   * Lists the card I/O threads that are inside a card call now.
   *
   * @return their names
   */
  public static List<String> inCall() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(IN_CALL) && t.isAlive())
        .map(Thread::getName).toList();
  }

  /**
   * Waits until every call of the port that missed its deadline has returned, then asserts that no
   * SDK thread is left inside a card call.
   *
   * @param readers a port from {@link CardReaders#pcsc} or the in-memory adapter
   * @param max the longest wait
   * @throws InterruptedException when interrupted
   */
  public static void assertNoneLeftBlocked(CardReaders readers, Duration max) throws InterruptedException {
    boolean none = readers instanceof dev.ins.cardreader.virtual.InMemoryCardReaders m
        ? m.awaitNoStuckCall(max) : ((TerminalsCardReaders) readers).awaitNoStuckCall(max);
    assertTrue(none, "a card call still blocked after " + max);
    assertEquals(List.of(), inCall(), "SDK threads still inside a card call");
  }
}
