package dev.ins.practice.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import dev.ins.practice.PracticeException;
import dev.ins.security.Ed25519SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloorListTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();
  private static final String NEWER = "{\"generatedAt\":\"2027-01-21T00:00:00Z\",\"validUntil\":\"2027-04-21T00:00:00Z\","
      + "\"jdk\":[{\"feature\":17,\"minUpdate\":18,\"advisory\":\"CPU 2027-01\"}],\"eolFeatures\":[16],"
      + "\"libraries\":[{\"ga\":\"org.bouncycastle:bcprov-jdk18on\",\"min\":\"1.88\",\"advisory\":\"x\"}],\"sdkMin\":\"0.2.0\"}";

  @Test
  void shippedList_coversTheSupportedJdksAndBouncyCastle() {
    FloorList f = FloorList.shipped();
    assertEquals("shipped", f.source());
    assertTrue(f.jdkFloor(17).isPresent() && f.jdkFloor(21).isPresent() && f.jdkFloor(25).isPresent());
    assertEquals("1.87", f.libraryFloor("org.bouncycastle:bcprov-jdk18on").orElseThrow().min());
  }

  @Test
  void signedNewerAdvisory_replacesTheShippedList_olderOneDoesNot() {
    byte[] signed = FloorList.sign(NEWER.getBytes(StandardCharsets.UTF_8), KEY).getBytes(StandardCharsets.UTF_8);
    FloorList inForce = FloorList.inForce(FloorList.shipped(), Optional.of(signed), List.of(KEY.publicKey()));
    assertEquals("advisory", inForce.source());
    assertEquals(18, inForce.jdkFloor(17).orElseThrow().minUpdate());
    byte[] older = FloorList.sign(NEWER.replace("2027-01-21", "2025-01-21").getBytes(StandardCharsets.UTF_8), KEY)
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("shipped", FloorList.inForce(FloorList.shipped(), Optional.of(older), List.of(KEY.publicKey())).source());
  }

  @Test
  void unsignedTamperedOrUntrustedAdvisory_isRefused() {
    byte[] unsigned = NEWER.getBytes(StandardCharsets.UTF_8);
    assertThrows(PracticeException.class, () -> FloorList.verifyAdvisory(unsigned, List.of(KEY.publicKey())));
    String signed = FloorList.sign(unsigned, KEY);
    byte[] tampered = signed.replace("\"minUpdate\":18", "\"minUpdate\":8").getBytes(StandardCharsets.UTF_8);
    PracticeException e = assertThrows(PracticeException.class, () -> FloorList.verifyAdvisory(tampered, List.of(KEY.publicKey())));
    assertEquals(PracticeException.Code.VERIFICATION_FAILED, e.code());
    assertThrows(PracticeException.class, () -> FloorList.verifyAdvisory(signed.getBytes(StandardCharsets.UTF_8),
        List.of(Ed25519SigningKey.generate().publicKey())));
  }

  @Test
  void sign_refusesAListThatBreaksARule() {
    assertThrows(PracticeException.class, () -> FloorList.sign(NEWER.replace("\"sdkMin\":\"0.2.0\"", "\"sdkMin\":\"latest\"")
        .getBytes(StandardCharsets.UTF_8), KEY));
    assertThrows(PracticeException.class, () -> FloorList.sign(NEWER.replace("2027-04-21", "2026-04-21")
        .getBytes(StandardCharsets.UTF_8), KEY));
    assertThrows(PracticeException.class, () -> FloorList.sign("{}".getBytes(StandardCharsets.UTF_8), KEY));
  }

  @Test
  void versions_compareNumerically_asAnOrder() {
    assertTrue(Versions.compare("1.85.1", "1.87") < 0);
    assertTrue(Versions.compare("1.87", "1.87.0") == 0);
    assertTrue(Versions.compare("1.100", "1.87") > 0);
    assertTrue(Versions.compare("0.1.0-SNAPSHOT", "0.1.0") == 0);
    Seeds.stream(200).forEach(seed -> {
      Random r = new Random(seed);
      String a = r.nextInt(3) + "." + r.nextInt(120) + (r.nextBoolean() ? "." + r.nextInt(5) : "");
      String b = r.nextInt(3) + "." + r.nextInt(120) + (r.nextBoolean() ? "." + r.nextInt(5) : "");
      assertEquals(Integer.signum(Versions.compare(a, b)), -Integer.signum(Versions.compare(b, a)), Seeds.describe(seed));
      assertEquals(0, Versions.compare(a, a));
    });
    assertThrows(IllegalArgumentException.class, () -> Versions.parse("v1"));
  }
}
