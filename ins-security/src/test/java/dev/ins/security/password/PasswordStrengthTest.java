package dev.ins.security.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The deprecated composition-only estimate keeps its behaviour until it is removed. */
@SuppressWarnings("deprecation")
class PasswordStrengthTest {
  private static PasswordStrength.Estimate e(String s) {
    return PasswordStrength.estimate(s.toCharArray());
  }

  @Test
  void cnilExamples_reachTheirThresholds() {
    // 12 characters from the 4 classes: >= 80 bits.
    assertTrue(e("Kq7#vT2!pZ9&").meets(PasswordStrength.CnilLevel.PASSWORD_ONLY));
    // 8 characters from 3 classes (with specials): >= 50 bits, not 80.
    assertTrue(e("Kq#vT!pZ").meets(PasswordStrength.CnilLevel.WITH_BRUTE_FORCE_LIMITS));
    assertFalse(e("Kq#vT!pZ").meets(PasswordStrength.CnilLevel.PASSWORD_ONLY));
    // 14 characters of upper, lower and digits: >= 80 bits.
    assertTrue(e("Kq7vT2pZr8Wm3x").meets(PasswordStrength.CnilLevel.PASSWORD_ONLY));
    // A 4-digit PIN: >= 13 bits, not 50.
    assertTrue(e("4829").meets(PasswordStrength.CnilLevel.DEVICE_LOCKOUT));
    assertFalse(e("4829").meets(PasswordStrength.CnilLevel.WITH_BRUTE_FORCE_LIMITS));
    // A 7-word passphrase: 77 bits by word count... 8 words reach 80.
    assertTrue(e("cheval agrafe batterie correcte lune piano sable tigre").meets(PasswordStrength.CnilLevel.PASSWORD_ONLY));
    assertTrue(e("cheval agrafe batterie correcte").passphrase());
  }

  @Test
  void sequencesAndRepeats_countAlmostNothing() {
    assertFalse(e("aaaaaaaaaaaaaaaaaaaa").meets(PasswordStrength.CnilLevel.WITH_BRUTE_FORCE_LIMITS));
    assertFalse(e("123456789012").meets(PasswordStrength.CnilLevel.WITH_BRUTE_FORCE_LIMITS));
    assertFalse(e("abcdefghijklmnop").meets(PasswordStrength.CnilLevel.WITH_BRUTE_FORCE_LIMITS));
    assertFalse(e("").meets(PasswordStrength.CnilLevel.DEVICE_LOCKOUT));
  }

  /** Why it is deprecated: composition alone lets these repetitions through (ins-practice's meter refuses them). */
  @Test
  void repetitionsWithSeparators_passTheCompositionOnlyCount() {
    for (String pw : new String[] {"a a a a a a a a", "x-x-x-x-x-x-x-x", "acacacacacacacacac"}) {
      assertTrue(e(pw).meets(PasswordStrength.CnilLevel.PASSWORD_ONLY), pw);
    }
    assertTrue(e("acacacacacacacacac").meets(PasswordStrength.CnilLevel.PASSWORD_ONLY));
  }
}
