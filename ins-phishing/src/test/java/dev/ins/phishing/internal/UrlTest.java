package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UrlTest {

  @Test
  void parse_readsTheHostAfterTheUserinfoLikeABrowser() {
    Url u = Url.parse("https://www.ameli.fr@evil.example:8443/a?b#c");
    assertEquals("www.ameli.fr", u.userinfo());
    assertEquals("evil.example", u.domain());
    assertEquals("/a?b#c", u.rest());
  }

  @Test
  void parse_treatsBackslashesAsSlashesAndDecodesTheHost() {
    assertEquals("evil.example", Url.parse("https:\\\\evil.example\\x").domain());
    assertEquals("evil.example", Url.parse("https://%65vil.example/").domain());
  }

  @Test
  void parse_wwwWithoutScheme_isHttp_andOtherSchemesHaveNoHost() {
    assertEquals("http", Url.parse("www.ameli.fr/x").scheme());
    assertTrue(Url.parse("www.ameli.fr/x").isWeb());
    assertFalse(Url.parse("mailto:a@b.fr").isWeb());
    assertEquals("javascript", Url.parse("JavaScript:alert(1)").scheme());
    assertNull(Url.parse("http://192.0.2.1/").domain());
    assertEquals("192.0.2.1", Url.parse("http://192.0.2.1/").host());
  }

  @Test
  void carried_findsUrlsInParametersEvenEncodedTwice() {
    assertEquals("evil.example", Url.parse("https://www.google.com/url?q=https%3A%2F%2Fevil.example%2Fx&sa=D").carried().get(0).domain());
    assertEquals("evil.example", Url.parse("https://r.example/?u=https%253A%252F%252Fevil.example").carried().get(0).domain());
    assertEquals("www.ameli.fr", Url.parse("https://r.example/#to=www.ameli.fr/x").carried().get(0).domain());
    assertTrue(Url.parse("https://r.example/?id=123&x=abc").carried().isEmpty());
  }

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_anyText_neverThrows(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "hts:/\\@%.?#=&[]xn--ämеw0123";
    Url u = Url.parse(RandomText.of(r, alphabet, 80));
    u.carried();
    assertTrue(u.shortForm() != null, Seeds.describe(seed));
  }
}
