package dev.ins.cardreader.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.CardException;

/**
 * One blocking provider call (PC/SC in native code, or an in-memory card) run on a daemon thread
 * of the SDK's pool, so that the caller waits at most until its deadline.
 *
 * <p>A native PC/SC call cannot be cancelled: when the caller gives up, the pool thread stays in
 * the driver until the card answers, is removed or the driver's own timeout ends, then finishes and
 * runs what was registered with {@link #whenDone(Runnable)} (releasing the handle and context it
 * used). The caller's thread is never the one left waiting. Pool threads are named
 * {@code ins-card-io-call …} while in a call and {@code ins-card-io-idle} otherwise, and end after
 * 30 s idle.
 *
 * @param <T> the result type
 */
final class BlockingCall<T> {

  /** Prefix of the name of a pool thread while it runs a call (tests look for leftovers by it). */
  static final String CALL_PREFIX = "ins-card-io-call ";
  private static final String IDLE = "ins-card-io-idle";

  /** Cached daemon threads: reused from call to call, one more per call that is stuck. */
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, IDLE);
        t.setDaemon(true);
        return t;
      });

  /** The call's body. */
  interface Body<T> {
    T run() throws CardException;
  }

  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final long startedNanos = System.nanoTime();
  private final String what;
  private final Body<T> body;
  private Thread worker;

  private BlockingCall(String what, Body<T> body) {
    this.what = what;
    this.body = body;
  }

  private void run() {
    Thread me = Thread.currentThread();
    synchronized (this) {
      worker = me;
    }
    me.setName(CALL_PREFIX + what);
    T value = null;
    Throwable failure = null;
    try {
      value = body.run();
    } catch (Throwable t) { // handed to the caller, who rethrows it or has given up
      failure = t;
    } finally {
      synchronized (this) {
        worker = null;
      }
      Thread.interrupted(); // an interrupt meant for this call must not reach the next one
      me.setName(IDLE);
    }
    if (failure == null) {
      result.complete(value);
    } else {
      result.completeExceptionally(failure);
    }
  }

  /**
   * Starts a call.
   *
   * @param what a short description for the thread's name, no patient data
   * @param body the blocking call
   * @param <T> the result type
   * @return the running call
   */
  static <T> BlockingCall<T> start(String what, Body<T> body) {
    BlockingCall<T> c = new BlockingCall<>(what, body);
    POOL.execute(c::run);
    return c;
  }

  /**
   * Waits for the result until a deadline.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value
   * @return the result
   * @throws TimeoutException when the deadline passed first (the call goes on in its thread)
   * @throws InterruptedException when the caller was interrupted (the call goes on)
   * @throws CardException what the call threw
   */
  T await(long deadlineNanos) throws TimeoutException, InterruptedException, CardException {
    try {
      long left = deadlineNanos - System.nanoTime();
      return left <= 0 && !result.isDone() ? timeout() : result.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof CardException) {
        throw (CardException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IllegalStateException("unexpected checked exception from a card call", c);
    } catch (CancellationException e) {
      throw new IllegalStateException("card call cancelled", e);
    }
  }

  private static <T> T timeout() throws TimeoutException {
    throw new TimeoutException();
  }

  /** Interrupts the call's thread while it runs this call (an in-memory wait ends; a native call does not notice). */
  synchronized void interrupt() {
    if (worker != null) {
      worker.interrupt();
    }
  }

  /**
   * Tells whether the call has returned.
   *
   * @return true once finished, normally or not
   */
  boolean isDone() {
    return result.isDone();
  }

  /**
   * Runs an action once the call has returned (at once if it has).
   *
   * @param action the action; runs on the call's thread or the caller's
   */
  void whenDone(Runnable action) {
    result.whenComplete((r, t) -> action.run());
  }

  /**
   * Returns the call's completion, normal or not.
   *
   * @return a future completed when the call returns
   */
  CompletableFuture<T> done() {
    return result;
  }

  /**
   * Returns how long the call has been running.
   *
   * @return milliseconds since the start
   */
  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
