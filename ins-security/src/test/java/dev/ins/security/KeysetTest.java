package dev.ins.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import dev.ins.security.InsCryptoException.Code;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KeysetTest {
  private static final RecordContext CTX = RecordContext.of("patient", "ins_matricule", "42");

  static LongStream seeds() {
    return Seeds.stream(32);
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"AES_256_GCM", "CHACHA20_POLY1305"})
  void encrypt_thenDecrypt_givesPlaintextBack(KeyType type) {
    RecordAead aead = Keyset.generate(type).recordAead();
    byte[] pt = "279035121518989".getBytes(UTF_8);
    byte[] ct = aead.encrypt(pt, CTX);
    assertArrayEquals(pt, aead.decrypt(ct, CTX));
    assertEquals(pt.length + 5 + 12 + 16, ct.length);
  }

  @Test
  void encrypt_twice_givesDifferentCiphertexts() {
    RecordAead aead = Keyset.generate(KeyType.AES_256_GCM).recordAead();
    byte[] pt = "same".getBytes(UTF_8);
    assertFalse(java.util.Arrays.equals(aead.encrypt(pt, CTX), aead.encrypt(pt, CTX)));
  }

  @Test
  void decrypt_underAnotherRowColumnOrTable_fails() {
    RecordAead aead = Keyset.generate(KeyType.AES_256_GCM).recordAead();
    byte[] ct = aead.encrypt("x".getBytes(UTF_8), CTX);
    for (RecordContext other :
        List.of(
            RecordContext.of("patient", "ins_matricule", "43"),
            RecordContext.of("patient", "birth_name", "42"),
            RecordContext.of("patient_old", "ins_matricule", "42"))) {
      InsCryptoException e = assertThrows(InsCryptoException.class, () -> aead.decrypt(ct, other), other.toString());
      assertEquals(Code.DECRYPTION_FAILED, e.code());
    }
  }

  @Test
  void context_isLengthPrefixed_soPartsCannotSlide() {
    assertFalse(
        java.util.Arrays.equals(
            RecordContext.of("ab", "c", "1").canonicalBytes(), RecordContext.of("a", "bc", "1").canonicalBytes()));
  }

  @Test
  void context_blankOrControlCharacters_isRefusedNamingThePart() {
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> RecordContext.of("t", " ", "1"));
    assertEquals("context.column", e.field());
    e = assertThrows(InsCryptoException.class, () -> RecordContext.of("t", "c", "1\n"));
    assertEquals("context.rowId", e.field());
  }

  @Test
  void rotation_acrossThreeSuccessiveKeysets_everyCiphertextStillDecrypts() {
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    List<byte[]> cts = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (int gen = 0; gen < 3; gen++) {
      if (gen > 0) {
        // Three-step rotation: add (not primary), distribute (seal/open), then promote.
        Keyset added = ks.addKey(gen == 1 ? KeyType.CHACHA20_POLY1305 : KeyType.AES_256_GCM);
        Keyset distributed = Keyset.fromClearBytes(added.toClearBytes(SecretAccess.insecure()), SecretAccess.insecure());
        ks = distributed.promote(distributed.keys().get(distributed.keys().size() - 1).id());
      }
      byte[] ct = ks.recordAead().encrypt(("record " + gen).getBytes(UTF_8), CTX);
      cts.add(ct);
      ids.add(ByteBuffer.wrap(ct, 1, 4).getInt());
      assertEquals(ks.primary().id(), ids.get(gen), "new data uses the primary");
    }
    assertEquals(3, ids.stream().distinct().count());
    RecordAead latest = ks.recordAead();
    for (int gen = 0; gen < 3; gen++) {
      assertArrayEquals(("record " + gen).getBytes(UTF_8), latest.decrypt(cts.get(gen), CTX), "generation " + gen);
    }
  }

  @Test
  void disabledKey_noLongerDecrypts_andUnknownKeyIsNamed() {
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    byte[] old = ks.recordAead().encrypt("x".getBytes(UTF_8), CTX);
    int oldId = ks.primary().id();
    Keyset rotated = ks.rotate().disable(oldId);
    assertEquals(Code.KEY_DISABLED, assertThrows(InsCryptoException.class, () -> rotated.recordAead().decrypt(old, CTX)).code());
    assertArrayEquals("x".getBytes(UTF_8), rotated.enable(oldId).recordAead().decrypt(old, CTX));
    Keyset other = Keyset.generate(KeyType.AES_256_GCM);
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> other.recordAead().decrypt(old, CTX));
    assertEquals(Code.UNKNOWN_KEY, e.code());
    assertEquals("ciphertext.keyId", e.field());
  }

  @Test
  void primary_cannotBeDisabled_andKeyTypesCannotMix() {
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    assertEquals(Code.POLICY_VIOLATION, assertThrows(InsCryptoException.class, () -> ks.disable(ks.primary().id())).code());
    assertThrows(InsCryptoException.class, () -> ks.addKey(KeyType.HMAC_SHA256));
    assertThrows(InsCryptoException.class, () -> Keyset.generate(KeyType.HMAC_SHA256).recordAead());
  }

  @Test
  void everySingleByteFlip_andEveryTruncation_isDetected() {
    RecordAead aead = Keyset.generate(KeyType.CHACHA20_POLY1305).recordAead();
    byte[] ct = aead.encrypt("279035121518989".getBytes(UTF_8), CTX);
    for (int i = 0; i < ct.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] t = ct.clone();
        t[i] ^= (byte) (1 << bit);
        assertThrows(InsCryptoException.class, () -> aead.decrypt(t, CTX), "flip byte " + i + " bit " + bit);
      }
    }
    for (int n = 0; n < ct.length; n++) {
      byte[] t = java.util.Arrays.copyOf(ct, n);
      assertThrows(InsCryptoException.class, () -> aead.decrypt(t, CTX), "truncated to " + n);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void clearKeyset_roundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    int extra = r.nextInt(5);
    for (int i = 0; i < extra; i++) {
      ks = ks.addKey(r.nextBoolean() ? KeyType.AES_256_GCM : KeyType.CHACHA20_POLY1305);
    }
    if (extra > 0 && r.nextBoolean()) {
      ks = ks.promote(ks.keys().get(1 + r.nextInt(extra)).id());
    }
    byte[] bytes = ks.toClearBytes(SecretAccess.insecure());
    Keyset back = Keyset.fromClearBytes(bytes, SecretAccess.insecure());
    assertArrayEquals(bytes, back.toClearBytes(SecretAccess.insecure()), Seeds.describe(seed));
    assertEquals(ks.primary().id(), back.primary().id(), Seeds.describe(seed));
    byte[] pt = new InsGenerators(seed).matricule().value().getBytes(UTF_8);
    assertArrayEquals(pt, back.recordAead().decrypt(ks.recordAead().encrypt(pt, CTX), CTX), Seeds.describe(seed));
  }

  @Test
  void toString_neverShowsKeyMaterial() {
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    String hex = HexFormat.of().formatHex(ks.primary().material().toByteArray(SecretAccess.insecure()));
    for (String s : List.of(ks.toString(), ks.primary().toString(), ks.primary().material().toString(), ks.recordAead().toString())) {
      assertFalse(s.contains(hex), s);
      assertTrue(s.contains("redacted") || s.startsWith("RecordAead"), s);
    }
    assertNotEquals(ks.primary().material(), SecretBytes.copyOf(ks.primary().material().toByteArray(SecretAccess.insecure()), SecretAccess.insecure()));
    assertTrue(ks.primary().material().equalsSecret(SecretBytes.copyOf(ks.primary().material().toByteArray(SecretAccess.insecure()), SecretAccess.insecure())));
  }

  @Test
  void bouncyCastleOlderThan185_isRefused() {
    dev.ins.security.internal.BouncyCastle.requireVersion("1.87");
    dev.ins.security.internal.BouncyCastle.requireVersion("1.85");
    dev.ins.security.internal.BouncyCastle.requireVersion("2.0");
    for (String old : List.of("1.84", "1.78.1", "1.7", "x")) {
      assertEquals(
          Code.UNSUPPORTED_PROVIDER,
          assertThrows(InsCryptoException.class, () -> dev.ins.security.internal.BouncyCastle.requireVersion(old)).code(),
          old);
    }
  }
}
