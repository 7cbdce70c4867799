package dev.ins.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move by hand: no sleeps. */
public final class TestClock extends Clock {
  private Instant now;

  /**
   * Starts at an instant.
   *
   * @param start the first instant
   */
  public TestClock(Instant start) {
    this.now = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Moves the clock forward.
   *
   * @param d how much
   */
  public void advance(Duration d) {
    now = now.plus(d);
  }
}
