package dev.ins.security.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.Matricule;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PiiRedactorTest {
  static LongStream seeds() {
    return Seeds.stream(64);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void redact_removesEveryMatriculeForm_keepingTheKey(long seed) {
    Matricule m = new InsGenerators(seed).matricule();
    String text = "a " + m.value() + " b " + m.nir() + " c " + m.format() + " d";
    String out = PiiRedactor.redact(text);
    PiiGuard.assertNoPii(out, List.of(m.value(), m.nir(), m.format()));
    assertTrue(out.contains(m.key()), Seeds.describe(seed) + " " + out);
    assertEquals(out, PiiRedactor.redact(out), "idempotent " + Seeds.describe(seed));
  }

  @Test
  void redact_leavesOtherNumbersAlone() {
    assertEquals("order 12345 at 2026-11-28, id 0a1b2c3d", PiiRedactor.redact("order 12345 at 2026-11-28, id 0a1b2c3d"));
  }

  @Test
  void piiSafeLogger_neverPrintsTheMatricule_evenInExceptionMessages() {
    Matricule m = new InsGenerators(5).matricule();
    PiiSafeLogger log = PiiSafeLogger.getLogger(PiiRedactorTest.class);
    String captured =
        PiiGuard.captureStderr(
            () -> {
              log.info("no identity for {}", m.value());
              log.warn("lookup failed for {}", PiiRedactor.lazy("ins=" + m.value()), new IllegalStateException("bad " + m.value()));
              log.error("formatted {}", m.format());
            });
    assertTrue(captured.contains("no identity for"), captured);
    PiiGuard.assertNoPii(captured, List.of(m.value(), m.format()));
  }
}
