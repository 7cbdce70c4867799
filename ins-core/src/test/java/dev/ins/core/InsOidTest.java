package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InsOidTest {

  @ParameterizedTest
  @CsvSource({
    "1.2.250.1.213.1.4.8, INS_NIR, NIR, PRODUCTION",
    "1.2.250.1.213.1.4.9, INS_NIA, NIA, PRODUCTION",
    "1.2.250.1.213.1.4.10, INS_NIR_TEST, NIR, TEST",
    "1.2.250.1.213.1.4.11, INS_NIR_DEMO, NIR, DEMO"
  })
  void parse_knowsTheFourInsAuthorities(String oid, InsOid expected, MatriculeNature nature, InsOid.Usage usage) {
    InsOid o = InsOid.parse(oid);
    assertEquals(expected, o);
    assertEquals(nature, o.nature());
    assertEquals(usage, o.usage());
    assertEquals(o, InsOid.fromUrn("urn:oid:" + oid));
    assertEquals("urn:oid:" + oid, o.urn());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1.2.250.1.213.1.4.2|INS-C",
    "1.2.250.1.213.1.4.13|NSS",
    "1.2.250.1.213.1.4.14|NSS",
    "1.2.250.1.213.1.4.12|not an INS assigning authority",
    "'1.2.250.1.213.1.4.8 '|not an INS assigning authority"
  })
  void parse_rejectsOtherOidsNamingWhy(String oid, String why) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> InsOid.parse(oid));
    assertEquals(ViolationCode.UNKNOWN_OID, e.code());
    assertEquals("oid", e.field());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.250.1.213.1.4.8", "oid:1.2.250.1.213.1.4.8"})
  void fromUrn_requiresThePrefix(String text) {
    assertEquals(ViolationCode.INVALID_FORMAT, assertThrows(InsValidationException.class, () -> InsOid.fromUrn(text)).code());
  }

  @Test
  void natureComesFromTheOidNotFromTheDigits() {
    InsIdentifier nir = InsIdentifier.of("160059932710027", "1.2.250.1.213.1.4.8");
    InsIdentifier nia = InsIdentifier.of("160059932710027", "1.2.250.1.213.1.4.9");
    assertEquals(MatriculeNature.NIR, nir.nature());
    assertEquals(MatriculeNature.NIA, nia.nature());
    assertEquals(nir.matricule(), nia.matricule());
  }
}
