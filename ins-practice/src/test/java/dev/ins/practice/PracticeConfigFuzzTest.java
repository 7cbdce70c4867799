package dev.ins.practice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/** Any bytes give a configuration or the kit's typed error naming the field, never another exception. */
class PracticeConfigFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parse_givesAConfigOrATypedError(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      PracticeConfig c = PracticeConfig.parse(bytes, Path.of("/cabinet"));
      if (c.practice().name().isBlank()) {
        throw new AssertionError("a configuration without a practice name was accepted");
      }
    } catch (PracticeException expected) {
      if (!expected.field().startsWith("config")) {
        throw new AssertionError("error without the config field path: " + expected.field());
      }
    }
  }
}
