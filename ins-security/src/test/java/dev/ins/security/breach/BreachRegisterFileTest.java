package dev.ins.security.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import dev.ins.security.InsCryptoException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachRegisterFileTest {
  @TempDir Path dir;

  @Test
  void saveThenLoad_roundTripsRandomRegisters() {
    Seeds.stream(20).forEach(seed -> {
      Random r = new Random(seed);
      BreachRegister reg = new BreachRegister();
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        Instant aware = Instant.ofEpochMilli(1_700_000_000_000L + r.nextInt(1_000_000_000));
        Set<DataCategory> cats = EnumSet.noneOf(DataCategory.class);
        cats.add(DataCategory.values()[r.nextInt(DataCategory.values().length)]);
        BreachRecord b = BreachRecord.of("B-" + i, aware, "nature " + r.nextInt(), cats, "conséquences", "mesures");
        if (r.nextBoolean()) {
          b = b.notified(aware.plusSeconds(r.nextInt(500_000)), "raisons du retard");
        }
        reg.record(b);
      }
      Path f = dir.resolve("reg-" + seed + ".json");
      BreachRegisterFile.save(reg, f);
      assertEquals(reg.all(), BreachRegisterFile.load(f).all(), Seeds.describe(seed));
    });
  }

  @Test
  void load_missingFile_isAnEmptyRegister() {
    assertTrue(BreachRegisterFile.load(dir.resolve("none.json")).all().isEmpty());
  }

  @Test
  void parse_brokenRecord_namesTheRecordAndField() {
    String text = "{\"format\":\"ins-sdk/breach-register/v1\",\"records\":[{\"awareAt\":\"yesterday\",\"categories\":[\"HEALTH\"],"
        + "\"id\":\"B-1\",\"likelyConsequences\":\"\",\"measures\":\"\",\"nature\":\"n\",\"reasonNotNotifiedOrLate\":\"\"}]}";
    InsCryptoException e = assertThrows(InsCryptoException.class,
        () -> BreachRegisterFile.parse(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("breachRegister.records[0].awareAt", e.field());
    assertThrows(InsCryptoException.class, () -> BreachRegisterFile.parse("{\"format\":\"x\",\"records\":[]}".getBytes(StandardCharsets.UTF_8)));
  }
}
