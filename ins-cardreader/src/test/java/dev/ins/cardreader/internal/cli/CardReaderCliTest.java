package dev.ins.cardreader.internal.cli;

import static dev.ins.cardreader.PcscTestSupport.READER_0;
import static dev.ins.cardreader.PcscTestSupport.READER_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardThreads;
import dev.ins.cardreader.MuteCard;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.PcscTestSupport;
import dev.ins.cardreader.TestBeneficiaries;
import dev.ins.cardreader.virtual.DemoCard;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.cardreader.virtual.VpcdCard;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardReaderCliTest {

  private record Run(int status, String json, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int status = CardReaderCli.run(new PrintStream(b, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), args);
    return new Run(status, b.toString(StandardCharsets.UTF_8).trim(), e.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageErrors_exitTwoNamingTheOption_andTheOld64IsGone() {
    Run r = run("read-vitale", "--timeout-ms", "soon");
    assertEquals(2, r.status());
    assertTrue(r.json().contains("\"code\":\"USAGE\""), r.json());
    assertTrue(r.json().contains("option '--timeout-ms' (expected an integer; value not shown)"), r.json());
    assertFalse(r.json().contains("soon") || r.err().contains("soon"), r.json() + r.err());
    assertEquals(2, run("frobnicate").status());
    assertEquals(2, run("readers", "--adapter", "pcsc-lite").status());
    Run typo = run("read-vitale", "--timout-ms", "3000");
    assertEquals(2, typo.status());
    assertTrue(typo.json().contains("unknown option '--timout-ms' (did you mean --timeout-ms?)"), typo.json());
    assertEquals(2, run("read-vitale", "--timeout-ms", "0").status());
    assertEquals(2, run().status(), "a command is required");
  }

  @Test
  void help_onTheToolAndEachCommand_exitsZero() {
    Run help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.json().contains("read-vitale") && help.json().contains("readers"), help.json());
    Run sub = run("read-vitale", "--help");
    assertEquals(0, sub.status());
    assertTrue(sub.json().contains("--timeout-ms") && sub.json().contains("--reveal"), sub.json());
    assertTrue(run("--version").json().contains("ins-sdk"));
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void readers_listsVpcdReaders(PcscAdapter adapter) {
    PcscTestSupport.requirePcscd();
    Run r = run("readers", "--adapter", adapter.cliName());
    assertEquals(0, r.status(), r.json());
    assertTrue(r.json().contains("{\"name\":\"" + READER_1 + "\",\"cardPresent\":false}"), r.json());
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void readVitale_printsMaskedBeneficiaries_orRevealsThemOnRequest(PcscAdapter adapter) {
    PcscTestSupport.requirePcscd();
    List<VitaleBeneficiary> list = TestBeneficiaries.of(31, 3);
    VpcdCard card = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, VitaleCardSimulator.of(list));
    try {
      Run masked = run("read-vitale", "--adapter", adapter.cliName(), "--reader", READER_0, "--timeout-ms", "10000");
      assertEquals(0, masked.status(), masked.json());
      assertTrue(masked.json().contains("\"atr\":\"3B751300004709EA9000\",\"cardType\":\"VITALE_2\""), masked.json());
      assertEquals(3, masked.json().split("\"nirKeyCheck\":\"VALID\"", -1).length - 1, masked.json());
      assertTrue(masked.json().contains("\"RANG_GEMELLAIRE\":"), masked.json());
      PiiGuard.assertNoPii(masked.json(), TestBeneficiaries.secrets(list));

      Run revealed = run("read-vitale", "--adapter", adapter.cliName(), "--timeout-ms", "10000", "--reveal");
      assertEquals(0, revealed.status(), revealed.json());
      for (VitaleBeneficiary b : list) {
        assertTrue(revealed.json().contains("\"nir\":\"" + b.nir() + "\""), "NIR revealed");
        assertTrue(revealed.json().contains("\"birthDate\":\"" + b.birthDate().format() + "\""));
      }
    } finally {
      card.close();
    }
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      assertTrue(readers.waitForRemoval(READER_0, Duration.ofSeconds(10)));
    }
  }

  @Test
  void readVitale_withoutCard_timesOutAsUnavailable() {
    PcscTestSupport.requirePcscd();
    Run r = run("read-vitale", "--reader", READER_1, "--timeout-ms", "300");
    assertEquals(4, r.status(), r.json());
    assertTrue(r.json().startsWith("{\"ok\":false,"), r.json());
    assertTrue(r.json().contains("\"code\":\"TIMEOUT\""), r.json());
  }

  @Test
  void readVitale_ofANonVitaleCard_givesStatusWordDiagnostics() {
    PcscTestSupport.requirePcscd();
    VpcdCard card = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, new DemoCard());
    try {
      Run r = run("read-vitale", "--reader", READER_0, "--timeout-ms", "10000");
      assertEquals(3, r.status(), r.json());
      assertTrue(r.json().contains("\"code\":\"UNEXPECTED_STATUS\""), r.json());
      assertTrue(r.json().contains("\"statusWord\":\"6A82\",\"statusMeaning\":\"file or application not found\""), r.json());
      assertTrue(r.json().contains("\"atr\":\"3B80800101\""), r.json());
    } finally {
      card.close();
    }
    try (CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
      assertTrue(readers.waitForRemoval(READER_0, Duration.ofSeconds(10)));
    }
  }

  /** read-vitale --timeout-ms 3000 on a card that goes silent: exit 4 within the timeout, not 20-45 s. */
  @Test
  void readVitale_ofACardThatStopsAnswering_exitsWithinTheTimeout() throws Exception {
    PcscTestSupport.requirePcscd();
    MuteCard mute = new MuteCard(VitaleCardSimulator.of(TestBeneficiaries.of(92, 1)), 2);
    VpcdCard card = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, mute);
    mute.onPulledOut(card::close);
    try {
      long t0 = System.nanoTime();
      Run r = run("read-vitale", "--reader", READER_0, "--timeout-ms", "3000");
      long took = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(4, r.status(), r.json());
      assertTrue(r.json().contains("\"code\":\"CARD_UNRESPONSIVE\""), r.json());
      assertTrue(took < 3000 + 1500, "exit after " + took + " ms");
    } finally {
      mute.pullOut();
    }
    try (CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
      CardThreads.assertNoneLeftBlocked(readers, Duration.ofSeconds(30)); // the CLI's stuck call too
      assertTrue(readers.waitForRemoval(READER_0, Duration.ofSeconds(10)));
    }
  }
}
