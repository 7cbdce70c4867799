package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.InsIdentifier;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.LoggingInterceptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs searches, verifications, faults and errors with the masking logging interceptor at DEBUG
 * (slf4j-simple writes to stderr) and checks that no patient data reached the logs, the results'
 * {@code toString()} or the exception messages.
 */
class NoPatientDataInLogsTest {

  private static final List<String> SECRETS = List.of("ECETINSI", "PIERRE-ALAIN", "MURIEL", "FLORIANT",
      "2009-07-14", "63220", "1090763220834", "2090763220834", "TCHITCHI", "CATARINA", "1936-06-21",
      "2360663220836", "HERMANN", "GATIEN", "1810363220456");

  @Test
  void logsResultsAndErrors_holdNoPatientData() {
    StringBuilder seen = new StringBuilder();
    String logs = PiiGuard.captureStderr(() -> {
      try (StubInsiServer stub = StubInsiServer.builder().start();
          InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO, LoggingInterceptor.masked()).build()) {
        Traits ecetinsi = Traits.fromTyped("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", BirthDate.parse("2009-07-14"),
            Sex.MALE, "63220");
        seen.append(c.searchByTraits(ecetinsi)).append('\n');
        seen.append(c.searchByTraits(Traits.fromTyped("TCHITCHI", "OLA CATARINA BELLA",
            BirthDate.parse("1936-06-21"), Sex.FEMALE, "63220"))).append('\n');
        seen.append(c.searchByTraits(Traits.fromTyped("HERMANN", "GATIEN", BirthDate.parse("1981-03-24"),
            Sex.MALE, "63220"))).append('\n');
        seen.append(c.verify(InsIdentifier.of("109076322083489", "1.2.250.1.213.1.4.8"), ecetinsi)).append('\n');
        stub.enqueue(StubFault.malformedXml());
        seen.append(assertThrows(InsiException.class, () -> c.searchByTraits(ecetinsi)).getMessage()).append('\n');
        stub.enqueue(StubFault.soapFault("siram_102", "insi_102", "fatale", "indisponible"));
        seen.append(assertThrows(InsiException.class, () -> c.searchByTraits(ecetinsi)).getMessage()).append('\n');
        stub.enqueue(StubFault.truncatedBody());
        seen.append(assertThrows(InsiException.class, () -> c.searchByTraits(ecetinsi)).getMessage()).append('\n');
        seen.append(stub.requests().get(0)).append('\n');
        seen.append(ecetinsi).append('\n');
      }
    });
    assertTrue(logs.contains("INSi rechercherInsAvecTraitsIdentite"), "the exchanges were logged: " + logs);
    assertTrue(logs.contains("NomNaissance>***<"), "bodies were logged masked at DEBUG");
    PiiGuard.assertNoPii(logs, SECRETS);
    PiiGuard.assertNoPii(seen.toString(), SECRETS);
  }
}
