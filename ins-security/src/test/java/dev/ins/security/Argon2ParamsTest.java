package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2ParamsTest {

  @Test
  void bounds_areEnforcedNamingTheParameter() {
    assertEquals("argon2.memoryKiB", assertThrows(InsCryptoException.class, () -> Argon2Params.of(1024, 1, 1)).field());
    assertEquals("argon2.memoryKiB", assertThrows(InsCryptoException.class, () -> Argon2Params.of(2 * 1024 * 1024, 1, 1)).field());
    assertEquals("argon2.iterations", assertThrows(InsCryptoException.class, () -> Argon2Params.of(8192, 0, 1)).field());
    assertEquals("argon2.parallelism", assertThrows(InsCryptoException.class, () -> Argon2Params.of(8192, 1, 9)).field());
  }

  @Test
  void atLeast_comparesEveryAxis() {
    assertTrue(Argon2Params.recommended().atLeast(Argon2Params.owaspMinimum()));
    assertFalse(Argon2Params.owaspMinimum().atLeast(Argon2Params.recommended()));
    assertFalse(Argon2Params.of(128 * 1024, 1, 1).atLeast(Argon2Params.recommended()), "fewer passes");
  }
}
