package dev.ins.security.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.testing.Seeds;
import dev.ins.security.InsCryptoException;
import dev.ins.security.SecretBytes;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkedEncryptionTest {
  static LongStream seeds() {
    return Seeds.stream(24);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encryptThenDecrypt_roundTrips_withTheSpecifiedLength(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] sizes = {0, 1, ChunkedEncryption.CHUNK - 1, ChunkedEncryption.CHUNK, ChunkedEncryption.CHUNK + 1, 3 * ChunkedEncryption.CHUNK, r.nextInt(70000)};
    int n = sizes[r.nextInt(sizes.length)];
    byte[] pt = new byte[n];
    for (int i = 0; i < n; i++) {
      pt[i] = (byte) r.nextInt();
    }
    SecretBytes key = SecretBytes.random(32);
    byte[] ctx = ("ctx" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] ct = ChunkedEncryption.encrypt(pt, key, ctx);
    assertEquals(56 + (n / ChunkedEncryption.CHUNK + 1) * 16L + n, ct.length, Seeds.describe(seed));
    assertArrayEquals(pt, ChunkedEncryption.decrypt(ct, key, ctx), Seeds.describe(seed));
  }

  @Test
  void everyFlip_everyTruncation_chunkSwap_wrongKeyOrContext_areDetected() {
    SecretBytes key = SecretBytes.random(32);
    byte[] ctx = {1, 2, 3};
    byte[] small = ChunkedEncryption.encrypt("small message".getBytes(java.nio.charset.StandardCharsets.UTF_8), key, ctx);
    for (int i = 0; i < small.length; i++) {
      byte[] t = small.clone();
      t[i] ^= 0x01;
      assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(t, key, ctx), "flip " + i);
    }
    for (int n = 0; n < small.length; n++) {
      byte[] t = Arrays.copyOf(small, n);
      assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(t, key, ctx), "truncate " + n);
    }
    byte[] big = ChunkedEncryption.encrypt(new byte[2 * ChunkedEncryption.CHUNK + 5], key, ctx);
    int c = ChunkedEncryption.CHUNK + 16;
    byte[] swapped = big.clone();
    System.arraycopy(big, 56, swapped, 56 + c, c);
    System.arraycopy(big, 56 + c, swapped, 56, c);
    assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(swapped, key, ctx));
    byte[] cut = Arrays.copyOf(big, 56 + 2 * c); // whole final chunk removed
    assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(cut, key, ctx));
    assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(small, SecretBytes.random(32), ctx));
    assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(small, key, new byte[] {1, 2}));
    assertThrows(InsCryptoException.class, () -> ChunkedEncryption.decrypt(small, SecretBytes.random(16), ctx));
  }
}
