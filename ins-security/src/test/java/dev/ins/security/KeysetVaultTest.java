package dev.ins.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.security.InsCryptoException.Code;
import java.nio.file.Path;
import java.security.Key;
import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeysetVaultTest {
  /** Small Argon2 cost to keep the suite quick; production uses {@link Argon2Params#recommended()}. */
  static final Argon2Params FAST = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 1, 1);

  private static final RecordContext CTX = RecordContext.of("t", "c", "1");

  static LongStream seeds() {
    return Seeds.stream(24);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void keystoreKek_sealThenOpen_roundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] raw = new byte[32];
    r.nextBytes(raw);
    SecretKeySpec kek = new SecretKeySpec(raw, "AES");
    Keyset ks = Keyset.generate(r.nextBoolean() ? KeyType.AES_256_GCM : KeyType.CHACHA20_POLY1305);
    for (int i = r.nextInt(4); i > 0; i--) {
      ks = ks.addKey(KeyType.AES_256_GCM);
    }
    byte[] sealed = KeysetVault.sealWithKey(ks, kek);
    assertArrayEquals(ks.toClearBytes(SecretAccess.insecure()), KeysetVault.openWithKey(sealed, kek).toClearBytes(SecretAccess.insecure()), Seeds.describe(seed));
    int at = r.nextInt(sealed.length);
    sealed[at] ^= (byte) (1 + r.nextInt(255));
    assertThrows(InsCryptoException.class, () -> KeysetVault.openWithKey(sealed, kek), "flip at " + at + " " + Seeds.describe(seed));
  }

  @Test
  void password_sealThenOpen_givesTheSameKeyset() {
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM).addKey(KeyType.CHACHA20_POLY1305);
    byte[] sealed = KeysetVault.sealWithPassword(ks, "correct horse battery".toCharArray(), FAST);
    Keyset back = KeysetVault.openWithPassword(sealed, "correct horse battery".toCharArray());
    assertArrayEquals(ks.toClearBytes(SecretAccess.insecure()), back.toClearBytes(SecretAccess.insecure()));
    assertEquals("password", KeysetVault.kekKind(sealed));
  }

  @Test
  void password_storedCostAboveThePolicy_isRefusedBeforeAnyWork() {
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), "pw".toCharArray(), FAST);
    // A planted key file asking for 1 GiB and 16 passes (about 30 s and 1.5 GB to open before).
    java.nio.ByteBuffer.wrap(sealed, 6, 8).putInt(Argon2Params.MAX_MEMORY_KIB).putInt(16);
    long t0 = System.nanoTime();
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> KeysetVault.openWithPassword(sealed, "pw".toCharArray()));
    assertEquals(Code.POLICY_VIOLATION, e.code(), e.getMessage());
    assertEquals("sealedKeyset.argon2", e.field());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("above the opening limit"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000,
        "refused without deriving (a derivation at this cost takes tens of seconds)");
  }

  @Test
  void password_costWithinAnExplicitLimit_opens() {
    Argon2Params cost = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 5, 1); // 5 passes: above the default limit
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), "pw".toCharArray(), cost);
    assertEquals(Code.POLICY_VIOLATION, assertThrows(InsCryptoException.class,
        () -> KeysetVault.openWithPassword(sealed, "pw".toCharArray())).code());
    assertEquals(1, KeysetVault.openWithPassword(sealed, "pw".toCharArray(), cost).keys().size());
  }

  @Test
  void password_wrongPassword_failsAsDecryptionFailure() {
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), "right".toCharArray(), FAST);
    assertEquals(Code.DECRYPTION_FAILED, assertThrows(InsCryptoException.class, () -> KeysetVault.openWithPassword(sealed, "wrong".toCharArray())).code());
  }

  @Test
  void password_everyHeaderByteFlip_isRefused() {
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), "pw".toCharArray(), FAST);
    // Header: magic 4, version, kind, memory 4, passes 4, lanes, salt 16, nonce 12 = 43 bytes.
    for (int i = 0; i < 43; i++) {
      byte[] t = sealed.clone();
      t[i] ^= 0x01;
      assertThrows(InsCryptoException.class, () -> KeysetVault.openWithPassword(t, "pw".toCharArray()), "byte " + i);
    }
  }

  @Test
  void password_absurdStoredCost_isRefusedBeforeAnyWork() {
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), "pw".toCharArray(), FAST);
    sealed[6] = 0x7f; // memory ~2 TiB
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> KeysetVault.openWithPassword(sealed, "pw".toCharArray()));
    assertEquals(Code.MALFORMED, e.code());
    assertEquals("argon2.memoryKiB", e.field());
  }

  @Test
  void pkcs12_sealThenOpen_withTheKeyFromTheStore(@TempDir Path dir) {
    Path p12 = dir.resolve("kek.p12");
    KeysetVault.createPkcs12Kek(p12, "ins-kek", "store-pw".toCharArray());
    Key kek = KeysetVault.kekFromKeyStore(KeysetVault.loadPkcs12(p12, "store-pw".toCharArray()), "ins-kek", "store-pw".toCharArray());
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    byte[] ct = ks.recordAead().encrypt("x".getBytes(UTF_8), CTX);
    byte[] sealed = KeysetVault.sealWithKey(ks, kek);
    assertEquals("keystore", KeysetVault.kekKind(sealed));
    Keyset back = KeysetVault.openWithKey(sealed, kek);
    assertArrayEquals("x".getBytes(UTF_8), back.recordAead().decrypt(ct, CTX));
    Key other = KeysetVault.createPkcs12Kek(dir.resolve("other.p12"), "ins-kek", "pw2".toCharArray());
    assertEquals(Code.DECRYPTION_FAILED, assertThrows(InsCryptoException.class, () -> KeysetVault.openWithKey(sealed, other)).code());
    assertEquals(Code.POLICY_VIOLATION, assertThrows(InsCryptoException.class, () -> KeysetVault.openWithPassword(sealed, "store-pw".toCharArray())).code());
  }

  @Test
  void pkcs12_missingAlias_isNamed(@TempDir Path dir) {
    Path p12 = dir.resolve("kek.p12");
    KeysetVault.createPkcs12Kek(p12, "ins-kek", "pw".toCharArray());
    InsCryptoException e = assertThrows(InsCryptoException.class,
        () -> KeysetVault.kekFromKeyStore(KeysetVault.loadPkcs12(p12, "pw".toCharArray()), "nope", "pw".toCharArray()));
    assertEquals("kek.alias", e.field());
  }
}
