package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthResultsTest {

  @Test
  void parse_readsTheAuthservIdMethodsResultsAndProperties() {
    AuthResults ar = AuthResults.parse("mx.provider.example;\r\n  spf=pass smtp.mailfrom=bounces.sender.example;\r\n"
        + "  dkim=pass header.d=sender.example header.s=sel1;\r\n  dmarc=pass (p=REJECT) header.from=sender.example");
    assertEquals("mx.provider.example", ar.authservId());
    assertEquals(3, ar.results().size());
    assertEquals("bounces.sender.example", ar.of("spf").get(0).property("smtp.mailfrom"));
    assertEquals("sender.example", ar.of("dkim").get(0).property("header.d"));
    assertEquals("pass", ar.of("dmarc").get(0).result());
    assertEquals("sender.example", ar.of("dmarc").get(0).property("header.from"));
  }

  @Test
  void parse_dropsCommentsEvenNestedOnesAndKeepsQuotedText() {
    AuthResults ar = AuthResults.parse("mx.example 1 (comment (nested; dmarc=pass)); dkim=fail (bad sig) reason=\"body; hash\" header.d=\"x.example\"");
    assertEquals("mx.example", ar.authservId());
    assertEquals(1, ar.results().size());
    assertEquals("fail", ar.results().get(0).result());
    assertEquals("body; hash", ar.results().get(0).property("reason"));
    assertEquals("x.example", ar.results().get(0).property("header.d"));
  }

  @Test
  void parse_lowerCasesMethodsAndResultsAndDropsVersions() {
    AuthResults ar = AuthResults.parse("MX.Example; DKIM/1=PASS header.d=Example.fr; SPF = Pass smtp.mailfrom = a@b.fr");
    assertEquals("mx.example", ar.authservId());
    assertEquals("pass", ar.of("dkim").get(0).result());
    assertEquals("Example.fr", ar.of("dkim").get(0).property("header.d"), "values keep their text");
    assertEquals("a@b.fr", ar.of("spf").get(0).property("smtp.mailfrom"));
  }

  @Test
  void parse_noResult_givesAnEmptyList_andNoAuthservIdGivesNull() {
    assertTrue(AuthResults.parse("mx.example; none").results().isEmpty());
    assertNull(AuthResults.parse(""));
    assertNull(AuthResults.parse("   ;  spf=pass"));
    assertNull(AuthResults.parse(null));
  }

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_anyText_neverThrowsAndStaysBounded(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "ab=;.( )\"\\@-dkimspfdmarcpass\r\n\t";
    AuthResults ar = AuthResults.parse(RandomText.of(r, alphabet, 400));
    assertTrue(ar == null || ar.results().size() <= AuthResults.MAX_RESULTS, Seeds.describe(seed));
  }

  @Test
  void parse_readsAtMostTheBound() {
    AuthResults ar = AuthResults.parse("mx.example" + "; spf=pass".repeat(5000));
    assertTrue(ar.results().size() <= AuthResults.MAX_RESULTS);
  }
}
