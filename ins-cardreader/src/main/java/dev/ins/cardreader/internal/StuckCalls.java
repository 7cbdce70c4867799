package dev.ins.cardreader.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider calls that missed their deadline and have not returned yet, with the reader each
 * one is stuck on. While a call is stuck on a reader, pcscd (or the driver) holds that reader: a
 * new call on it would get stuck too, so it is refused at once instead of leaving another thread
 * behind. With a provider that has one context for the whole JVM (the JDK's), a stuck call blocks
 * every call, so every call is refused until it returns.
 */
final class StuckCalls {

  /** Stuck calls of the jnasmartcardio adapter: pcscd's readers are shared by the whole JVM. */
  static final StuckCalls JNASMARTCARDIO = new StuckCalls();
  /** Stuck calls of the JDK adapter. */
  static final StuckCalls JDK = new StuckCalls();

  private final Map<BlockingCall<?>, String> pending = new ConcurrentHashMap<>();

  /**
   * Records a call that missed its deadline; it is forgotten, and {@code onReturn} runs, once the
   * call returns.
   *
   * @param call the call
   * @param reader the reader it is stuck on, or {@code ""} when none
   * @param onReturn what to release then (its card handle, its context)
   */
  void add(BlockingCall<?> call, String reader, Runnable onReturn) {
    pending.put(call, reader == null ? "" : reader);
    call.whenDone(() -> {
      pending.remove(call);
      onReturn.run();
    });
  }

  /**
   * Describes a stuck call that forbids a new call.
   *
   * @param reader the reader the new call is about, or null
   * @param any whether any stuck call forbids it (one context for the JVM)
   * @return why the new call is refused, or empty when it may go ahead
   */
  Optional<String> blocking(String reader, boolean any) {
    for (Map.Entry<BlockingCall<?>, String> e : pending.entrySet()) {
      if (e.getKey().isDone()) {
        continue;
      }
      if (any || e.getValue().equals(reader)) {
        String where = e.getValue().isEmpty() ? "PC/SC" : "reader " + e.getValue();
        return Optional.of(where + " has not answered a call made " + e.getKey().elapsedMillis()
            + " ms ago; remove the card (the driver is still waiting for it)");
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until every call stuck now has returned.
   *
   * @param timeout the longest wait
   * @return true when none is left stuck
   * @throws InterruptedException when interrupted
   */
  boolean awaitNone(java.time.Duration timeout) throws InterruptedException {
    java.util.concurrent.CompletableFuture<?>[] all = pending.keySet().stream().map(BlockingCall::done)
        .toArray(java.util.concurrent.CompletableFuture<?>[]::new);
    try {
      java.util.concurrent.CompletableFuture.allOf(all).exceptionally(t -> null)
          .get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  /**
   * Counts the stuck calls (for tests).
   *
   * @return the number not yet returned
   */
  int size() {
    return (int) pending.keySet().stream().filter(c -> !c.isDone()).count();
  }
}
