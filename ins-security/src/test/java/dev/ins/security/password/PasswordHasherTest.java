package dev.ins.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import dev.ins.security.Argon2Params;
import dev.ins.security.InsCryptoException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHasherTest {
  private static final Argon2Params WEAK = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 1, 1);
  private static final Argon2Params STRONGER = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 2, 1);

  static LongStream seeds() {
    return Seeds.stream(32);
  }

  @Test
  void hashThenLogin_matchesOnlyTheRightPassword() {
    PasswordHasher h = PasswordHasher.of(WEAK);
    String stored = h.hash("Correct-Horse-9".toCharArray());
    assertTrue(stored.startsWith("$argon2id$v=19$m=8192,t=1,p=1$"), stored);
    assertTrue(h.login("Correct-Horse-9".toCharArray(), stored).matches());
    assertFalse(h.login("Correct-Horse-8".toCharArray(), stored).matches());
    assertNotEquals(stored, h.hash("Correct-Horse-9".toCharArray()), "fresh salt each time");
  }

  @Test
  void login_withWeakerStoredCost_returnsAnUpgradedHash_onlyOnSuccess() {
    String old = PasswordHasher.of(WEAK).hash("pw-123456".toCharArray());
    PasswordHasher current = PasswordHasher.of(STRONGER);
    assertTrue(current.needsRehash(old));
    PasswordHasher.LoginResult ok = current.login("pw-123456".toCharArray(), old);
    assertTrue(ok.matches());
    String upgraded = ok.upgradedHash().orElseThrow();
    assertEquals(STRONGER, PasswordHash.parse(upgraded).params());
    assertFalse(current.needsRehash(upgraded));
    assertTrue(current.login("pw-123456".toCharArray(), upgraded).upgradedHash().isEmpty());
    assertTrue(current.login("wrong".toCharArray(), old).upgradedHash().isEmpty());
  }

  @Test
  void malformedOrAbusiveStoredHash_isAnError_notAFailedLogin() {
    PasswordHasher h = PasswordHasher.of(WEAK);
    for (String bad :
        List.of(
            "",
            "$argon2i$v=19$m=8192,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "$argon2id$v=19$m=8192,t=1,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "$argon2id$v=19$m=08192,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")) {
      assertEquals(InsCryptoException.Code.MALFORMED, assertThrows(InsCryptoException.class, () -> h.login("x".toCharArray(), bad), bad).code());
    }
  }

  @Test
  void calibrate_neverGoesBelowTheOwaspFloor_andStaysInBounds() {
    Argon2Params quick = PasswordHasher.calibrate(java.time.Duration.ZERO, Argon2Params.MIN_MEMORY_KIB);
    assertTrue(quick.atLeast(Argon2Params.owaspMinimum()), quick.toString());
    assertEquals(Argon2Params.owaspMinimum(), quick, "a zero target stops at the floor");
    Argon2Params bigger = PasswordHasher.calibrate(java.time.Duration.ZERO, 32 * 1024);
    assertEquals(32 * 1024, bigger.memoryKiB());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void phcString_roundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] salt = new byte[16 + r.nextInt(49)];
    byte[] hash = new byte[16 + r.nextInt(49)];
    r.nextBytes(salt);
    r.nextBytes(hash);
    PasswordHash h = new PasswordHash(Argon2Params.of(8192 + r.nextInt(100000), 1 + r.nextInt(16), 1 + r.nextInt(8)), salt, hash);
    assertEquals(h, PasswordHash.parse(h.format()), Seeds.describe(seed));
    assertFalse(h.toString().contains(h.format().substring(h.format().lastIndexOf('$') + 1)), Seeds.describe(seed));
  }
}
