package dev.ins.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedTestDataTest {

  @Test
  void require_findsAFileUnderTheConfiguredFolder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("wycheproof"));
    Path f = Files.writeString(dir.resolve("wycheproof/x.json"), "{}");
    String before = System.getProperty(SharedTestData.PROPERTY);
    System.setProperty(SharedTestData.PROPERTY, dir.toString());
    try {
      assertEquals(f, SharedTestData.require("wycheproof/x.json"));
    } finally {
      restore(before);
    }
  }

  @Test
  void require_ofAMissingFile_failsInCiAndSkipsVisiblyElsewhere(@TempDir Path dir) {
    String before = System.getProperty(SharedTestData.PROPERTY);
    System.setProperty(SharedTestData.PROPERTY, dir.toString());
    try {
      boolean ci = "true".equals(System.getenv("CI"));
      Throwable e = ci
          ? assertThrows(AssertionFailedError.class, () -> SharedTestData.require("wycheproof/missing.json"))
          : (Throwable) assertThrows(TestAbortedException.class, () -> SharedTestData.require("wycheproof/missing.json"));
      assertTrue(e.getMessage().contains("wycheproof/missing.json") && e.getMessage().contains("-Dins.shared.data"),
          e.getMessage());
    } finally {
      restore(before);
    }
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(SharedTestData.PROPERTY);
    } else {
      System.setProperty(SharedTestData.PROPERTY, before);
    }
  }
}
