package dev.ins.practice.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.RecordAead;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final String SEED20 = "12345678901234567890";

  private static SecretBytes seed(int length) {
    String s = SEED20.repeat(4).substring(0, length);
    return SecretBytes.copyOf(s.getBytes(StandardCharsets.US_ASCII), SecretAccess.insecure());
  }

  /** RFC 6238 Appendix B: 8 digits, 30 s, T0 = 0; seeds of 20, 32 and 64 bytes. */
  @ParameterizedTest(name = "t={0}")
  @CsvSource({
      "59, 94287082, 46119246, 90693936",
      "1111111109, 07081804, 68084774, 25091201",
      "1111111111, 14050471, 67062674, 99943326",
      "1234567890, 89005924, 91819424, 93441116",
      "2000000000, 69279037, 90698825, 38618901",
      "20000000000, 65353130, 77737706, 47863826"})
  void code_matchesTheRfc6238Vectors(long t, String sha1, String sha256, String sha512) {
    Instant at = Instant.ofEpochSecond(t);
    assertEquals(sha1, Totp.builder().digits(8).build().code(seed(20), at));
    assertEquals(sha256, Totp.builder().digits(8).algorithm(TotpAlgorithm.SHA256).build().code(seed(32), at));
    assertEquals(sha512, Totp.builder().digits(8).algorithm(TotpAlgorithm.SHA512).build().code(seed(64), at));
  }

  @Test
  void hotp_matchesTheRfc4226Vectors() {
    String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
    Totp totp = Totp.builder().build();
    for (int c = 0; c < expected.length; c++) {
      assertEquals(expected[c], totp.hotp(seed(20), c), "counter " + c);
    }
  }

  @Test
  void verify_acceptsOneStepEitherSide_andRefusesTwo() {
    Totp totp = Totp.builder().build();
    SecretBytes s = TotpSecret.generate();
    Instant now = Instant.parse("2026-12-03T10:00:15Z");
    for (int d : new int[] {-30, 0, 30}) {
      assertTrue(totp.verify(s, totp.code(s, now.plusSeconds(d)), now, OptionalLong.empty()).accepted(), "offset " + d);
    }
    String twoBack = totp.code(s, now.minusSeconds(60));
    Totp.Verification v = totp.verify(s, twoBack, now, OptionalLong.empty());
    if (!twoBack.equals(totp.code(s, now)) && !twoBack.equals(totp.code(s, now.minusSeconds(30)))
        && !twoBack.equals(totp.code(s, now.plusSeconds(30)))) {
      assertEquals(Totp.Reason.WRONG_CODE, v.reason());
    }
  }

  @Test
  void verify_refusesReplay_andAnyStepNotAfterTheLastAccepted() {
    Totp totp = Totp.builder().build();
    SecretBytes s = TotpSecret.generate();
    Instant now = Instant.parse("2026-12-03T10:00:15Z");
    String code = totp.code(s, now);
    Totp.Verification first = totp.verify(s, code, now, OptionalLong.empty());
    assertTrue(first.accepted());
    assertEquals(totp.step(now), first.acceptedStep().getAsLong());
    Totp.Verification again = totp.verify(s, code, now.plusSeconds(5), first.acceptedStep());
    assertFalse(again.accepted());
    assertEquals(Totp.Reason.REPLAY, again.reason());
    // The previous step's code, still inside the window, is refused too once a later step was used.
    String previous = totp.code(s, now.minusSeconds(30));
    assertEquals(Totp.Reason.REPLAY, totp.verify(s, previous, now, first.acceptedStep()).reason());
    // The next step's code is accepted.
    assertTrue(totp.verify(s, totp.code(s, now.plusSeconds(30)), now.plusSeconds(30), first.acceptedStep()).accepted());
  }

  @Test
  void verify_malformedCodes_areRefusedWithoutComputing() {
    Totp totp = Totp.builder().build();
    SecretBytes s = TotpSecret.generate();
    for (String bad : new String[] {null, "", "12345", "1234567", "12a456", "123 456"}) {
      assertEquals(Totp.Reason.MALFORMED, totp.verify(s, bad, Instant.EPOCH, OptionalLong.empty()).reason());
    }
  }

  @Test
  void otpauthUri_followsTheKeyUriFormat() {
    SecretBytes s = seed(20);
    String uri = Totp.builder().build().otpauthUri("Cabinet Dentaire", "c.martin", s);
    assertEquals("otpauth://totp/Cabinet%20Dentaire:c.martin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        + "&issuer=Cabinet%20Dentaire&algorithm=SHA1&digits=6&period=30", uri);
    assertThrows(IllegalArgumentException.class, () -> Totp.builder().build().otpauthUri("A:B", "c", s));
  }

  @Test
  void builder_refusesOutOfRangeParameters_andShortSecrets() {
    assertThrows(IllegalStateException.class, () -> Totp.builder().digits(5).build());
    assertThrows(IllegalStateException.class, () -> Totp.builder().digits(10).build());
    assertThrows(IllegalStateException.class, () -> Totp.builder().window(3).build());
    assertThrows(IllegalArgumentException.class, () -> Totp.builder().build().code(seed(10), Instant.EPOCH));
  }

  @Test
  void secret_sealedForOneUser_opensOnlyForThatUser() {
    RecordAead aead = Keyset.generate(KeyType.AES_256_GCM).recordAead();
    SecretBytes s = TotpSecret.generate();
    byte[] sealed = TotpSecret.seal(s, aead, "user-7");
    assertTrue(s.equalsSecret(TotpSecret.open(sealed, aead, "user-7")));
    assertThrows(InsCryptoException.class, () -> TotpSecret.open(sealed, aead, "user-8"));
  }
}
