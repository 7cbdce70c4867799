package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.transport.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contradictory or unknown reports are typed errors, never a silent result. */
class ResponseMappingTest {

  private static final String ENV = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
      + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\">";
  private static final String END = "</RESULTAT></soap:Body></soap:Envelope>";

  private static InsiClient answering(int status, String xml) {
    return InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(URI.create("https://127.0.0.1:1/lps"))
        .software(new LpsSoftware("I", "n", "1", new UUID(0, 1))).emitter("E").retry(RetryPolicy.NONE)
        .transport(r -> new TransportResponse(status, "application/soap+xml", xml.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static final Traits T = Traits.fromTyped("A", "B", BirthDate.parse("2000-01-01"), Sex.MALE, null);

  private static InsiResponseException.ErrorCode codeOf(String xml) {
    return assertThrows(InsiResponseException.class, () -> answering(200, xml).searchByTraits(T)).errorCode();
  }

  @Test
  void unknownCr_isInvalidCr() {
    assertEquals(InsiResponseException.ErrorCode.INVALID_CR, codeOf(ENV + "<CR><CodeCR>03</CodeCR></CR>" + END));
    assertEquals(InsiResponseException.ErrorCode.INVALID_CR, codeOf(ENV + END));
  }

  @Test
  void cr00WithoutIndividu_isInconsistent() {
    assertEquals(InsiResponseException.ErrorCode.INCONSISTENT_RESULT,
        codeOf(ENV + "<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>" + END));
  }

  @Test
  void cr01WithIndividu_isInconsistent() {
    assertEquals(InsiResponseException.ErrorCode.INCONSISTENT_RESULT,
        codeOf(ENV + "<CR><CodeCR>01</CodeCR></CR><INDIVIDU/>" + END));
  }

  @Test
  void resultWithHttp500_isAnHttpStatusError() {
    InsiTransportException e = assertThrows(InsiTransportException.class,
        () -> answering(500, ENV + "<CR><CodeCR>01</CodeCR></CR>" + END).searchByTraits(T));
    assertEquals(500, e.httpStatus());
  }

  @Test
  void invalidTraits_areReportedNotDropped() {
    String xml = ENV + "<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR><INDIVIDU><INSACTIF><IdIndividu>"
        + "<NumIdentifiant>1090763220834</NumIdentifiant><Cle>89</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID>"
        + "</INSACTIF><TIQ><NomNaissance>ecetinsi</NomNaissance><ListePrenom>PIERRE</ListePrenom><Sexe>I</Sexe>"
        + "<DateNaissance>2009-13-14</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ></INDIVIDU>" + END;
    InsiResult.Found f = (InsiResult.Found) answering(200, xml).searchByTraits(T);
    ReturnedTraits t = f.identity().traits();
    assertEquals(false, t.isValid());
    assertEquals("ecetinsi", t.birthName());
    assertEquals(3, t.violations().stream().map(v -> v.field()).distinct().count(), t.violations().toString());
    assertEquals(true, f.identity().active().isValid());
  }
}
