package dev.ins.core.datamatrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthName;
import dev.ins.core.CollectionMethod;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStateException;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The published examples of ins-domain.md §5, the GS rules and the strict reader. */
class DataMatrixInsTest {

  private static final char GS = DataMatrixIns.GS;
  private static final String HEADER = "IS010000000000000000000000";

  /** ins-domain.md §5, built from the ANS test identity PAT-TROIS DOMINIQUE MARIE-LOUISE. */
  static final String PAT_TROIS = HEADER + "S1279035121518989S21.2.250.1.213.1.4.10S3DOMINIQUE MARIE-LOUISE" + GS
      + "S4PAT-TROIS" + GS + "S5FS628-03-1979S751215";

  /** Mediboard CPatientINSNIRTest: dummy NIR (bad key) and dummy OID. */
  static final String MEDIBOARD = HEADER + "S1123549685274612S225978456325481569525S3TEST1 TEST2 TEST" + GS
      + "S4DATAMATRIXTEST" + GS + "S5MS631-08-2021S717000";

  /** ZXing HighLevelEncodeTestCase.testPadding: space instead of GS, bad NIR key (expected 56). */
  static final String ZXING = HEADER + "S1118058599124123S21.2.250.1.213.1.4.8 S3FIRST NAMETEST S5MS618-06"
      + "-1985S713201S4LASTNAMETEST";

  /** tc-lib-barcode issue #74 (third-party example, key-valid). */
  static final String TC_LIB = HEADER + "S1173082622170111S21.2.250.1.213.1.4.8" + GS + "S3JEAN-MICHEL" + GS
      + "S4INS-FAMILLE-UN" + GS + "S5MS607-08-1973S726221";

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  static Identity patTrois(IdentityStatus status) {
    InsIdentifier ins = InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10");
    Traits t = Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215");
    Identity.Builder b = Identity.builder().traits(t).status(status).collectionMethod(CollectionMethod.INSI);
    if (status.insiRetrieved()) {
      b.ins(ins).lastInsiCall(Instant.parse("2026-01-15T10:00:00Z"))
          // Declared, so that tests may vary the traits of this qualified identity.
          .insiJustification(new dev.ins.core.InsiJustification.Declared("DataMatrixInsTest"));
    }
    if (status.documentChecked()) {
      b.validation(ValidationMode.PASSPORT, LocalDate.of(2026, 1, 15));
    }
    return b.build();
  }

  @Test
  void decode_patTroisPublishedExample_givesInsAndTraits() {
    DataMatrixIns d = DataMatrixIns.decode(PAT_TROIS);
    assertEquals(124, PAT_TROIS.length());
    assertEquals(InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10"), d.ins());
    assertEquals(Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215"), d.traits());
    assertEquals("DOMINIQUE", d.traits().firstFirstName());
  }

  @Test
  void encode_patTroisQualified_givesThePublishedPayload() {
    assertEquals(PAT_TROIS, DataMatrixIns.encode(patTrois(IdentityStatus.QUAL)));
  }

  @Test
  void decode_mediboardString_failsForBadKeyAndUnknownOidButIsWellStructured() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> DataMatrixIns.decode(MEDIBOARD));
    assertHas(e, "datamatrix.S1.matricule", ViolationCode.INVALID_KEY);
    assertHas(e, "datamatrix.S2.oid", ViolationCode.UNKNOWN_OID);
    // TEST1: digits are outside the INS alphabet.
    assertHas(e, "datamatrix.S3.firstNames", ViolationCode.INVALID_CHARACTER);
    assertTrue(e.violations().stream().noneMatch(v -> v.field().equals("datamatrix")
        || v.code() == ViolationCode.REQUIRED), e.getMessage());
  }

  @Test
  void decode_zxingString_failsForBadKeyAndSpaceInsteadOfSeparator() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> DataMatrixIns.decode(ZXING));
    Violation key = assertHas(e, "datamatrix.S1.matricule", ViolationCode.INVALID_KEY);
    assertTrue(key.detail().contains("expected 56"), key.detail());
    Violation oid = assertHas(e, "datamatrix.S2.oid", ViolationCode.INVALID_CHARACTER);
    assertEquals(19, oid.index());
    assertTrue(oid.detail().contains("group separator"), oid.detail());
  }

  @Test
  void decode_tcLibExample_decodes() {
    DataMatrixIns d = DataMatrixIns.decode(TC_LIB);
    assertEquals(InsOid.INS_NIR, d.ins().oid());
    assertEquals("INS-FAMILLE-UN", d.traits().birthName().value());
    assertEquals(Sex.MALE, d.traits().sex());
    assertEquals("1973-08-07", d.traits().birthDate().format());
  }

  @Test
  void decode_fieldsInAnyOrder_giveTheSameContent() {
    String s4Last = HEADER + "S1279035121518989S21.2.250.1.213.1.4.10S3DOMINIQUE MARIE-LOUISE" + GS
        + "S5FS628-03-1979S751215S4PAT-TROIS";
    String s3Last = HEADER + "S751215S5FS4PAT-TROIS" + GS + "S628-03-1979S1279035121518989"
        + "S21.2.250.1.213.1.4.10S3DOMINIQUE MARIE-LOUISE";
    DataMatrixIns expected = DataMatrixIns.decode(PAT_TROIS);
    assertEquals(expected, DataMatrixIns.decode(s4Last));
    assertEquals(expected, DataMatrixIns.decode(s3Last));
  }

  @Test
  void encode_productionNirOid_putsGsAfterThe19CharacterOid() {
    Identity q = patTrois(IdentityStatus.QUAL);
    Identity prod = q.toBuilder().ins(InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.8")).build();
    String p = DataMatrixIns.encode(prod);
    assertTrue(p.contains("S21.2.250.1.213.1.4.8" + GS + "S3"), p);
    assertFalse(DataMatrixIns.encode(q).contains("1.2.250.1.213.1.4.10" + GS));
  }

  @Test
  void encode_fullLengthName_hasNoSeparatorAfterIt() {
    Identity q = patTrois(IdentityStatus.QUAL);
    String name100 = "A".repeat(100);
    Identity longName = q.toBuilder().traits(q.traits().withBirthName(BirthName.of(name100))).build();
    String p = DataMatrixIns.encode(longName);
    assertTrue(p.contains("S4" + name100 + "S5"), "no GS after a full-length field");
    assertEquals(name100, DataMatrixIns.decode(p).traits().birthName().value());
  }

  @Test
  void encode_longestPossibleContent_is291CharactersWithoutSeparators() {
    Identity q = patTrois(IdentityStatus.QUAL);
    Traits t = q.traits();
    String names = ("ABCDEFGHI" + " ").repeat(10).substring(0, 99) + "Z";
    Identity longest = q.toBuilder().traits(Traits.of(BirthName.of("N".repeat(100)),
        FirstNames.of(names), t.birthDate(), t.sex(), t.birthplace().orElseThrow())).build();
    String p = DataMatrixIns.encode(longest);
    assertEquals(291, p.length());
    assertEquals(-1, p.indexOf(GS));
    assertTrue(p.length() < DataMatrixIns.MAX_PAYLOAD);
    assertEquals(longest.traits(), DataMatrixIns.decode(p).traits());
  }

  @Test
  void encode_unknownBirthplace_omitsS7AndEndsWithTheDate() {
    Identity q = patTrois(IdentityStatus.QUAL);
    Traits t = q.traits();
    Identity noPlace = q.toBuilder()
        .traits(Traits.of(t.birthName(), t.firstNames(), t.birthDate(), t.sex(), null)).build();
    String p = DataMatrixIns.encode(noPlace);
    assertTrue(p.endsWith("S628-03-1979"), p);
    assertTrue(DataMatrixIns.decode(p).traits().birthplace().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(value = IdentityStatus.class, names = {"PROV", "RECUP", "VALI"})
  void encode_nonQualifiedIdentity_isRefused(IdentityStatus status) {
    IdentityStateException e = assertThrows(IdentityStateException.class,
        () -> DataMatrixIns.encode(patTrois(status)));
    assertEquals(IdentityStateException.Rule.NOT_QUALIFIED, e.rule());
  }

  @Test
  void encode_sexUnknown_isRefused() {
    Identity q = patTrois(IdentityStatus.QUAL);
    Traits t = q.traits();
    Identity i = q.toBuilder().traits(Traits.of(t.birthName(), t.firstNames(), t.birthDate(), Sex.UNKNOWN,
        t.birthplace().orElse(null))).build();
    InsValidationException e = assertThrows(InsValidationException.class, () -> DataMatrixIns.encode(i));
    assertEquals("datamatrix.S5", e.field());
  }

  @Test
  void decode_withIncompleteDate_keepsUnknownParts() {
    String p = PAT_TROIS.replace("S628-03-1979", "S600-00-1979");
    DataMatrixIns d = DataMatrixIns.decode(p);
    assertTrue(d.traits().birthDate().month().isEmpty());
    assertTrue(d.traits().birthDate().day().isEmpty());
  }

  @Test
  void toIdentity_isProvisionalCollectedByDataMatrix() {
    Identity i = DataMatrixIns.decode(PAT_TROIS).toIdentity();
    assertEquals(IdentityStatus.PROV, i.status());
    assertEquals(CollectionMethod.DATAMATRIX, i.collectionMethod().orElseThrow());
    assertTrue(i.insForExchange().isEmpty(), "a scanned INS is not exchangeable before an INSi check");
    assertEquals(DataMatrixIns.decode(PAT_TROIS).ins(), i.ins().orElseThrow());
  }

  static List<Object[]> malformed() {
    return List.of(
        new Object[] {"IS01", "datamatrix.header", ViolationCode.INVALID_LENGTH},
        new Object[] {"XS" + PAT_TROIS.substring(2), "datamatrix.header", ViolationCode.INVALID_FORMAT},
        new Object[] {"IS02" + PAT_TROIS.substring(4), "datamatrix.header", ViolationCode.UNKNOWN_CODE},
        new Object[] {"IS011" + PAT_TROIS.substring(5), "datamatrix.header", ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS + "S8X", "datamatrix", ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS + "S", "datamatrix", ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS + GS, "datamatrix", ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS.replace("S751215", "S75121"), "datamatrix.S7", ViolationCode.INVALID_LENGTH},
        new Object[] {PAT_TROIS + "S5F", "datamatrix.S5", ViolationCode.INCONSISTENT},
        new Object[] {PAT_TROIS.replace("S5F", ""), "datamatrix.S5", ViolationCode.REQUIRED},
        new Object[] {PAT_TROIS.replace("S5F", "S5I"), "datamatrix.S5.sex", ViolationCode.UNKNOWN_CODE},
        new Object[] {PAT_TROIS.replace("S628-03-1979", "S61979-03-28"), "datamatrix.S6.birthDate",
            ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS.replace("S628-03-1979", "S631-02-1979"), "datamatrix.S6.birthDate",
            ViolationCode.INVALID_DATE},
        new Object[] {PAT_TROIS.replace("S1279035121518989", "S1279035121518988"), "datamatrix.S1.matricule",
            ViolationCode.INVALID_KEY},
        new Object[] {PAT_TROIS.replace("S1279035121518989", "S12 7903512151898"), "datamatrix.S1.matricule",
            ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS.replace("1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.2" + GS),
            "datamatrix.S2.oid", ViolationCode.UNKNOWN_OID},
        new Object[] {PAT_TROIS.replace("PAT-TROIS", "Pat-Trois"), "datamatrix.S4.birthName", ViolationCode.LOWERCASE},
        new Object[] {PAT_TROIS.replace("S4PAT-TROIS", "S4" + "A".repeat(100)), "datamatrix.S4",
            ViolationCode.INVALID_FORMAT},
        new Object[] {PAT_TROIS + "x".repeat(DataMatrixIns.MAX_PAYLOAD), "datamatrix", ViolationCode.TOO_LONG},
        new Object[] {TC_LIB.replace("4.8" + GS, "4.8"), "datamatrix.S2.oid", ViolationCode.INVALID_CHARACTER});
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void decode_malformedPayload_failsNamingFieldAndRule(String payload, String field, ViolationCode code) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> DataMatrixIns.decode(payload));
    assertHas(e, field, code);
    PiiGuard.assertNoPii(e.getMessage(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979"));
  }

  @Test
  void toString_masksEverything() {
    String s = DataMatrixIns.decode(PAT_TROIS).toString();
    PiiGuard.assertNoPii(s, List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "51215", "1979"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTrip_qualifiedIdentity_givesBackInsAndTraits(long seed) {
    Identity q = qualifiedWithAnyOid(seed);
    String payload = DataMatrixIns.encode(q);
    DataMatrixIns back = DataMatrixIns.decode(payload);
    assertEquals(q.insForExchange().orElseThrow(), back.ins(), Seeds.describe(seed));
    assertEquals(q.traits(), back.traits(), Seeds.describe(seed));
    assertEquals(payload, back.payload(), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decode_shuffledFields_givesTheSameContent(long seed) {
    String payload = DataMatrixIns.encode(qualifiedWithAnyOid(seed));
    List<String> fields = splitFields(payload);
    Collections.shuffle(fields, new Random(seed));
    StringBuilder b = new StringBuilder(HEADER);
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      boolean variable = f.startsWith("S2") || f.startsWith("S3") || f.startsWith("S4");
      int max = f.startsWith("S2") ? 20 : 100;
      b.append(f);
      if (variable && f.length() - 2 < max && i < fields.size() - 1) {
        b.append(GS);
      }
    }
    assertEquals(DataMatrixIns.decode(payload), DataMatrixIns.decode(b.toString()), Seeds.describe(seed));
  }

  /** A qualified synthetic identity whose OID is any of the four INS authorities. */
  static Identity qualifiedWithAnyOid(long seed) {
    Identity q = new SyntheticIdentities(seed).qualified();
    InsOid oid = InsOid.values()[(int) Math.floorMod(seed, (long) InsOid.values().length)];
    return q.toBuilder().ins(new InsIdentifier(q.ins().orElseThrow().matricule(), oid)).build();
  }

  private static List<String> splitFields(String payload) {
    List<String> out = new ArrayList<>();
    String body = payload.substring(HEADER.length());
    int[] lengths = {15, -20, -100, -100, 1, 10, 5};
    int pos = 0;
    while (pos < body.length()) {
      int idx = body.charAt(pos + 1) - '1';
      int len = lengths[idx];
      int end;
      if (len > 0) {
        end = pos + 2 + len;
      } else {
        end = pos + 2;
        while (end < body.length() && end - pos - 2 < -len && body.charAt(end) != GS) {
          end++;
        }
      }
      out.add(body.substring(pos, end));
      pos = end < body.length() && body.charAt(end) == GS ? end + 1 : end;
    }
    return out;
  }

  private static Violation assertHas(InsValidationException e, String field, ViolationCode code) {
    return e.violations().stream().filter(v -> v.field().equals(field) && v.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("expected " + field + " " + code + " in: " + e.getMessage()));
  }
}
