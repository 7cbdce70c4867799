package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages that cannot be parsed: never an exception, at least suspicious, with a MALFORMED reason. */
class MalformedTest {

  private static Assessment assess(String raw) {
    return Triages.PRACTICE.assess(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void assertMalformed(Assessment a) {
    assertTrue(a.has(ReasonCode.MALFORMED), a.toString());
    assertTrue(a.verdict() != Verdict.SAFE, a.toString());
  }

  @Test
  void emptyMessage_isMalformed() {
    assertMalformed(Triages.PRACTICE.assess(new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "To: a@b.fr\r\nSubject: pas d'expéditeur\r\n\r\nBonjour\r\n",
      "From: \r\nSubject: vide\r\n\r\nx\r\n",
      "From: Assurance Maladie\r\nSubject: sans adresse\r\n\r\nx\r\n",
      "From: a@localhost\r\nSubject: domaine sans point\r\n\r\nx\r\n",
      "From: =?utf-8?B?!!!?= <<<@@>\r\nSubject: x\r\n\r\nx\r\n",
      "\u0000\u0001\u0002\u0003 binaire",
      "From: a@exemple-envoi.fr\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n--yyy\r\n\r\nx\r\n",
      "From: a@exemple-envoi.fr\r\nContent-Type: multipart/mixed\r\n\r\n--\r\nx\r\n",
      "From: a@exemple-envoi.fr\r\nContent-Type: ;;;===\r\n\r\nx\r\n",
      "From: a@exemple-envoi.fr\r\nContent-Type: multipart/mixed\r\n\r\n--abc\r\nContent-Type: text/plain\r\n\r\nx\r\n--abc--\r\n",
      "From: a@exemple-envoi.fr\u0000\r\nSubject: x\r\n\r\nx\r\n",
      "From: a@exemple-envoi.fr\r\nSubject: \u0007\u001b[31m\r\n\r\nx\r\n"})
  void brokenMessages_areMalformed(String raw) {
    assertMalformed(assess(raw));
  }

  @Test
  void badBase64Attachment_isMalformedButTheRestIsStillAnalysed() {
    String raw = "From: a@exemple-envoi.fr\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nVoir http://192.0.2.44/x\r\n"
        + "--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%not base64%%%%\r\n--b--\r\n";
    Assessment a = assess(raw);
    assertTrue(a.has(ReasonCode.LINK_IP_HOST), a.toString());
  }

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomBytes_giveAVerdictNeverAnException(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] b = new byte[r.nextInt(4096)];
    r.nextBytes(b);
    Assessment a = Triages.PRACTICE.assess(b);
    assertTrue(a.score() >= 0 && a.score() <= 100, Seeds.describe(seed));
    assertEquals(Verdict.ofScore(a.score()), a.verdict(), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void truncatedMessages_giveAVerdictNeverAnException(long seed) {
    byte[] whole = dev.ins.phishing.testing.MailCorpus.generate(seed, 1).get(0).raw();
    int cut = new SplittableRandom(seed).nextInt(whole.length + 1);
    Assessment a = Triages.PRACTICE.assess(java.util.Arrays.copyOf(whole, cut));
    assertEquals(Verdict.ofScore(a.score()), a.verdict(), Seeds.describe(seed));
  }
}
