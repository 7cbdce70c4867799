package dev.ins.practice.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordStrengthMeterTest {
  private static final PasswordStrengthMeter METER = PasswordStrengthMeter.french();
  private static final List<String> PRACTICE = List.of("Cabinet dentaire des Tilleuls", "Riom", "Claire", "Vasseur", "cvasseur");

  private static PasswordVerdict v(String pw) {
    return METER.evaluate(pw.toCharArray(), PRACTICE);
  }

  /** The cases: they count 80+ bits by composition, and must not pass any password threshold. */
  @ParameterizedTest
  @ValueSource(strings = {"a a a a a a a a", "x-x-x-x-x-x-x-x", "acacacacacacacacac", "aaaaaaaaaaaaaaaaaaaa",
      "abcdefghijklmnop", "123456789012", "azertyuiopqsdfghjklm"})
  void repetitionsAndSequences_fallBelowTheCnilThresholds(String pw) {
    PasswordVerdict r = v(pw);
    assertFalse(r.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), pw + " -> " + r);
    assertFalse(r.meets(CnilThreshold.PASSWORD_ONLY), pw + " -> " + r);
  }

  @Test
  void cnilExamples_reachTheirThresholds() {
    assertTrue(v("Kq7#vT2!pZ9&").meets(CnilThreshold.PASSWORD_ONLY), v("Kq7#vT2!pZ9&").toString());
    assertTrue(v("Kq7vT2pZr8Wm3x").meets(CnilThreshold.PASSWORD_ONLY), v("Kq7vT2pZr8Wm3x").toString());
    assertTrue(v("Kq#vT!pZ").meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), v("Kq#vT!pZ").toString());
    assertFalse(v("Kq#vT!pZ").meets(CnilThreshold.PASSWORD_ONLY));
    assertTrue(v("4829").meets(CnilThreshold.DEVICE_LOCKOUT), v("4829").toString());
    assertFalse(v("4829").meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS));
  }

  @Test
  void passphraseOfUncommonWords_reachesEightyBits() {
    PasswordVerdict r = v("agrafe velours baleine tonnerre cornichon boussole ardoise");
    assertTrue(r.meets(CnilThreshold.PASSWORD_ONLY), r.toString());
  }

  @Test
  void frenchWordsNamesAndThePracticesOwnData_areRecognised() {
    PasswordVerdict word = v("bonjour2024");
    assertFalse(word.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), word.toString());
    PasswordVerdict firstName = v("Mathilde1985!");
    assertTrue(firstName.patterns().stream().anyMatch(p -> p.contains("names")), firstName.toString());
    assertFalse(firstName.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), firstName.toString());
    PasswordVerdict practice = v("Tilleuls-Riom-63");
    assertTrue(practice.patterns().stream().anyMatch(p -> p.contains("user_inputs")), practice.toString());
    assertFalse(practice.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), practice.toString());
    PasswordVerdict walk = v("azertyuiop");
    assertFalse(walk.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS), walk.toString());
  }

  @Test
  void feedback_isInFrench_andTheVerdictHoldsNoPassword() {
    PasswordVerdict r = v("aaaaaaaaaaaa");
    assertFalse(r.warning().isEmpty());
    assertFalse(r.toString().contains("aaaaaaaaaaaa"), r.toString());
    assertTrue(r.warning().matches(".*[éèàêôûîç]|.*(répét|Les|Des|Évit).*") || r.warning().contains("aaa"), r.warning());
  }

  @Test
  void emptyPassword_isZeroBits() {
    assertFalse(METER.evaluate(new char[0], List.of()).meets(CnilThreshold.DEVICE_LOCKOUT));
  }
}
