package dev.ins.cardreader.internal.vitale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.TestBeneficiaries;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.vitale.NirCheck;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VitaleLayoutTest {

  static LongStream seeds() {
    return Seeds.stream(100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encodeThenParse_givesTheSameBeneficiaries(long seed) {
    List<VitaleBeneficiary> in = TestBeneficiaries.of(seed, 1 + (int) Math.floorMod(seed, 5L));
    List<VitaleBeneficiary> out = VitaleLayout.parse(VitaleLayout.encodeIdentityFile(in),
        VitaleLayout.encodeNirFile(in));
    assertEquals(in, out, Seeds.describe(seed));
    out.forEach(b -> assertEquals(NirCheck.VALID, b.nirCheck(), Seeds.describe(seed)));
  }

  @Test
  void parse_withMissingBirthDate_failsNamingBeneficiaryAndField() {
    byte[] identity = Hex.parse("650A" + "8003414243" + "8103444546");
    CardReaderException e = assertThrows(CardReaderException.class, () -> VitaleLayout.parse(identity, new byte[0]));
    assertEquals(CardReaderException.Code.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().contains("beneficiaries[0].birthDate: missing"), e.getMessage());
  }

  @Test
  void parse_withDifferentTemplateCounts_fails() {
    List<VitaleBeneficiary> two = TestBeneficiaries.of(1, 2);
    CardReaderException e = assertThrows(CardReaderException.class, () -> VitaleLayout.parse(
        VitaleLayout.encodeIdentityFile(two), VitaleLayout.encodeNirFile(two.subList(0, 1))));
    assertTrue(e.getMessage().contains("2 templates in the MF identity file but 1"), e.getMessage());
  }

  @Test
  void parse_withInvalidName_failsWithoutShowingIt() {
    byte[] identity = Hex.parse("6516" + "80056475706F6E" + "8103444546" + "8208" + Hex.of("19840501".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    CardReaderException e = assertThrows(CardReaderException.class, () -> VitaleLayout.parse(identity, new byte[0]));
    assertTrue(e.getMessage().contains("beneficiaries[0].birthName"), e.getMessage());
    PiiGuard.assertNoPii(e.getMessage(), List.of("dupon", "19840501"));
  }

  @Test
  void parse_withImpossibleDate_fails() {
    byte[] identity = Hex.parse("6516" + "80054455504F4E" + "8103444546" + "8208" + Hex.of("19841332".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    CardReaderException e = assertThrows(CardReaderException.class, () -> VitaleLayout.parse(identity, new byte[0]));
    assertTrue(e.getMessage().contains("beneficiaries[0].birthDate"), e.getMessage());
  }

  @Test
  void parse_withWrongNirKey_reportsInvalidKeyAsData() {
    List<VitaleBeneficiary> one = TestBeneficiaries.of(3, 1);
    VitaleBeneficiary b = one.get(0);
    String bad = b.nir().substring(0, 13) + (b.nir().endsWith("01") ? "02" : "01");
    VitaleBeneficiary wrong = new VitaleBeneficiary(b.birthName(), b.firstName(), b.birthDate(), bad);
    VitaleBeneficiary read = VitaleLayout.parse(VitaleLayout.encodeIdentityFile(List.of(wrong)),
        VitaleLayout.encodeNirFile(List.of(wrong))).get(0);
    assertEquals(NirCheck.INVALID_KEY, read.nirCheck());
    assertTrue(read.matricule().isEmpty());
  }

  @Test
  void beneficiaryToString_isMasked() {
    List<VitaleBeneficiary> one = TestBeneficiaries.of(9, 1);
    PiiGuard.assertNoPii(one.get(0).toString(), TestBeneficiaries.secrets(one));
  }
}
