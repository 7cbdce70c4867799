package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBytesTest {

  @Test
  void copiesInAndOut_soCallersCannotChangeTheSecret() {
    byte[] raw = {1, 2, 3, 4};
    SecretBytes s = SecretBytes.copyOf(raw, SecretAccess.insecure());
    raw[0] = 9;
    byte[] out = s.toByteArray(SecretAccess.insecure());
    out[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3, 4}, s.toByteArray(SecretAccess.insecure()));
  }

  @Test
  void toString_isRedacted_andEqualsIsIdentity_whileEqualsSecretCompares() {
    SecretBytes a = SecretBytes.random(32);
    SecretBytes b = SecretBytes.copyOf(a.toByteArray(SecretAccess.insecure()), SecretAccess.insecure());
    assertEquals("SecretBytes[32 bytes, redacted]", a.toString());
    assertFalse(a.toString().contains(HexFormat.of().formatHex(a.toByteArray(SecretAccess.insecure()))));
    assertNotEquals(a, b);
    assertTrue(a.equalsSecret(b));
    assertFalse(a.equalsSecret(SecretBytes.random(32)));
    assertFalse(a.equalsSecret(null));
  }

  @Test
  void destroy_wipes_andRandomRefusesAbsurdLengths() {
    SecretBytes s = SecretBytes.random(16);
    s.destroy();
    assertArrayEquals(new byte[16], s.toByteArray(SecretAccess.insecure()));
    assertThrows(IllegalArgumentException.class, () -> SecretBytes.random(0));
    assertThrows(IllegalArgumentException.class, () -> SecretBytes.random(4096));
    assertThrows(NullPointerException.class, () -> SecretBytes.copyOf(new byte[1], null));
  }
}
