package dev.ins.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any input to the normaliser gives INS form (idempotent, strictly valid) or a typed error. */
class NameNormalizerFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void normalize_givesInsFormOrATypedError(FuzzedDataProvider data) {
    TraitField field = data.pickValue(TraitField.values());
    String s = data.consumeRemainingAsString();
    try {
      String out = NameNormalizer.normalize(field, s);
      if (!TraitValidator.validate(field, out).isEmpty() || !NameNormalizer.normalize(field, out).equals(out)) {
        throw new AssertionError("normalised output not stable or not strictly valid");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
