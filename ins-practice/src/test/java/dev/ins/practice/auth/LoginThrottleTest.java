package dev.ins.practice.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.practice.TestClock;
import dev.ins.security.Argon2Params;
import dev.ins.security.password.PasswordHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-03T09:00:00Z"));

  @Test
  void backoff_doublesAfterTheFreeFailures_andAnsweresAtOnceWithTheRetryTime() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).build();
    for (int i = 0; i < 3; i++) {
      assertEquals(LoginThrottle.Outcome.FAILURE, t.attempt("cmartin", "poste-1", () -> false).outcome());
    }
    assertEquals(LoginThrottle.Outcome.ALLOWED, t.check("cmartin", "poste-1").outcome());
    t.attempt("cmartin", "poste-1", () -> false);                        // 4th failure: wait 1 s
    LoginThrottle.Decision d = t.check("cmartin", "poste-1");
    assertEquals(LoginThrottle.Outcome.DELAYED, d.outcome());
    assertEquals(clock.instant().plusSeconds(1), d.retryAt().orElseThrow());
    boolean[] ran = {false};
    assertEquals(LoginThrottle.Outcome.DELAYED, t.attempt("cmartin", "poste-1", () -> ran[0] = true).outcome());
    assertFalse(ran[0], "the password is not checked while throttled");
    clock.advance(Duration.ofSeconds(1));
    t.attempt("cmartin", "poste-1", () -> false);                        // 5th: 2 s
    assertEquals(clock.instant().plusSeconds(2), t.check("cmartin", "poste-1").retryAt().orElseThrow());
    clock.advance(Duration.ofSeconds(2));
    t.attempt("cmartin", "poste-1", () -> false);                        // 6th: 4 s
    assertEquals(clock.instant().plusSeconds(4), t.check("cmartin", "poste-1").retryAt().orElseThrow());
  }

  @Test
  void backoff_isCappedAtTheLongestWait() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).backoff(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .lockout(100, Duration.ZERO).build();
    for (int i = 0; i < 20; i++) {
      t.failure("a", "s" + i);
    }
    assertEquals(clock.instant().plusSeconds(5), t.check("a", "fresh").retryAt().orElseThrow());
  }

  @Test
  void lockout_afterTenFailures_untilAnAdministratorUnlocks() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).build();
    for (int i = 0; i < 10; i++) {
      t.failure("cmartin", "poste-" + i);
    }
    clock.advance(Duration.ofDays(2));
    LoginThrottle.Decision d = t.check("cmartin", "poste-1");
    assertEquals(LoginThrottle.Outcome.LOCKED, d.outcome());
    assertTrue(d.retryAt().isEmpty());
    t.unlock("cmartin");
    assertEquals(LoginThrottle.Outcome.SUCCESS, t.attempt("cmartin", "poste-1", () -> true).outcome());
  }

  @Test
  void lockout_withADuration_endsByItself() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).lockout(5, Duration.ofMinutes(30)).build();
    for (int i = 0; i < 5; i++) {
      t.failure("cmartin", "p" + i);
    }
    assertEquals(LoginThrottle.Outcome.LOCKED, t.check("cmartin", "p9").outcome());
    clock.advance(Duration.ofMinutes(30));
    assertEquals(LoginThrottle.Outcome.ALLOWED, t.check("cmartin", "p9").outcome());
  }

  @Test
  void perSource_oneWorkstationTryingManyAccounts_isSlowedDown() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).build();
    for (int i = 0; i < 11; i++) {
      t.attempt("user" + i, "poste-x", () -> false);
    }
    assertEquals(LoginThrottle.Outcome.DELAYED, t.check("someone-else", "poste-x").outcome());
    assertEquals(LoginThrottle.Outcome.ALLOWED, t.check("someone-else", "poste-y").outcome());
  }

  @Test
  void success_clearsTheAccountCount_andCountsAreForgottenAfterADay() {
    LoginThrottle t = LoginThrottle.builder().clock(clock).build();
    for (int i = 0; i < 5; i++) {
      t.failure("a", "s");
    }
    t.success("a", "s");
    assertEquals(LoginThrottle.Outcome.ALLOWED, t.check("a", "other").outcome());
    for (int i = 0; i < 5; i++) {
      t.failure("b", "s2");
    }
    clock.advance(Duration.ofHours(24));
    assertEquals(LoginThrottle.Outcome.ALLOWED, t.check("b", "s2").outcome());
  }

  @Test
  void unknownAccountAndWrongPassword_getTheSameAnswer_andBothRunOneHash() {
    PasswordHasher hasher = PasswordHasher.of(Argon2Params.of(8192, 1, 1));
    LoginThrottle t = LoginThrottle.builder().clock(clock).hasher(hasher).build();
    String stored = hasher.hash("correct horse".toCharArray());
    LoginThrottle.Decision unknown = t.attempt("nobody", "p", () -> t.verify("x".toCharArray(), Optional.empty()));
    LoginThrottle.Decision wrong = t.attempt("cmartin", "p", () -> t.verify("x".toCharArray(), Optional.of(stored)));
    assertEquals(unknown, wrong);
    assertEquals(LoginThrottle.REFUSED, wrong.message());
    assertFalse(t.verify("ins-sdk/login-throttle/dummy".toCharArray(), Optional.empty()), "the dummy never logs in");
    assertEquals(LoginThrottle.Outcome.SUCCESS,
        t.attempt("cmartin", "p", () -> t.verify("correct horse".toCharArray(), Optional.of(stored))).outcome());
  }

  @Test
  void builder_refusesIncoherentSettings() {
    assertThrows(IllegalStateException.class, () -> LoginThrottle.builder().lockout(2, Duration.ZERO).build());
    assertThrows(IllegalStateException.class, () -> LoginThrottle.builder().backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build());
    assertThrows(IllegalStateException.class, () -> LoginThrottle.builder().build().verify(new char[1], Optional.empty()));
  }
}
