package dev.ins.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();

  static LongStream seeds() {
    return Seeds.stream(32);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void signedNote_roundTrips_andVerifies(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] root = new byte[32];
    r.nextBytes(root);
    Checkpoint cp = Checkpoint.sign("example.org/log " + r.nextInt(100), r.nextLong(0, Long.MAX_VALUE / 2), root, "signer-" + r.nextInt(9), KEY);
    Checkpoint back = Checkpoint.parse(cp.format());
    assertEquals(cp, back, Seeds.describe(seed));
    assertTrue(back.verify(cp.keyName(), KEY.publicKey()), Seeds.describe(seed));
    assertFalse(back.verify("other", KEY.publicKey()), Seeds.describe(seed));
    assertFalse(back.verify(cp.keyName(), Ed25519SigningKey.generate().publicKey()), Seeds.describe(seed));
  }

  @Test
  void anyChangeToTheText_breaksParsingOrTheSignature() {
    Checkpoint cp = Checkpoint.sign("example.org/log", 12, new byte[32], "signer", KEY);
    String text = cp.format();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String t = text.substring(0, i) + (char) (c == 'A' ? 'B' : c == '\n' ? ' ' : c ^ 1) + text.substring(i + 1);
      try {
        assertFalse(Checkpoint.parse(t).verify("signer", KEY.publicKey()), "char " + i);
      } catch (InsCryptoException expected) {
        assertEquals(InsCryptoException.Code.MALFORMED, expected.code());
      }
    }
    assertThrows(InsCryptoException.class, () -> Checkpoint.parse(text + "\u2014 other AAAA\n"));
  }
}
