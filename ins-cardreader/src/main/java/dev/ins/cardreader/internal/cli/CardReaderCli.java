package dev.ins.cardreader.internal.cli;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardType;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.ReaderInfo;
import dev.ins.cardreader.StatusWords;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.vitale.UnavailableData;
import dev.ins.cardreader.vitale.UnreadableBeneficiary;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.cardreader.vitale.VitaleCard;
import dev.ins.cardreader.vitale.VitaleReader;
import dev.ins.core.Masking;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The support/conformance command line, {@code readers} and {@code read-vitale}: a thin picocli
 * shell over the public API (conventions of {@link Cli}), one JSON object out.
 *
 * <p>Exit codes ({@link ExitCode}): 0 done; 2 usage; 3 the card's data cannot be used (not a Vitale
 * 2, an error status word, malformed data); 4 unavailable (no PC/SC service, no reader, no card in
 * time, a card that stops answering or is removed); 5 a PIN refused; 7 internal. A card error
 * prints {@code {"ok":false,"error":{"code":…,"message":…,"reader":…,"atr":…,"statusWord":…}}}.
 *
 * <pre>
 * java -jar ins-cardreader-cli.jar read-vitale --reader "Virtual PCD 00 00" --timeout-ms 3000
 * </pre>
 */
@Command(name = "ins-cardreader", description = "Smartcard readers and the Carte Vitale (one JSON object out).",
    subcommands = {CardReaderCli.Readers.class, CardReaderCli.ReadVitale.class})
public final class CardReaderCli {

  /** Creates the command (picocli instantiates it). */
  public CardReaderCli() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs a command.
   *
   * @param out where the JSON object (or help text) goes
   * @param err where error lines go
   * @param args the arguments
   * @return the exit status
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return Cli.run(new CardReaderCli(), out, err, args);
  }

  /** Options every command takes. */
  abstract static class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--adapter", paramLabel = "ADAPTER",
        description = "PC/SC provider: jnasmartcardio (default) or jdk")
    PcscAdapter adapter = PcscAdapter.JNASMARTCARDIO;

    final Map<String, Object> result = new LinkedHashMap<>();

    @Override
    public final Integer call() {
      result.put("ok", true);
      result.put("command", spec.name());
      result.put("adapter", adapter.cliName());
      try (CardReaders readers = CardReaders.pcsc(adapter)) {
        run(readers);
      } catch (CardReaderException e) {
        result.put("ok", false);
        result.put("error", error(e));
        Cli.print(spec, result);
        return exitCode(e.code()).code();
      }
      Cli.print(spec, result);
      return ExitCode.DONE.code();
    }

    abstract void run(CardReaders readers);
  }

  /** {@code readers}: lists the readers and whether each holds a card. */
  @Command(name = "readers", description = "List the PC/SC readers and whether each holds a card.")
  static final class Readers extends Base {
    @Override
    void run(CardReaders readers) {
      List<Object> list = new ArrayList<>();
      for (ReaderInfo r : readers.readers()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("cardPresent", r.cardPresent());
        list.add(m);
      }
      result.put("readers", list);
    }
  }

  /** {@code read-vitale}: waits for a card and reads its public data, all within the timeout. */
  @Command(name = "read-vitale", description = "Wait for a Carte Vitale and read its public data;"
      + " --timeout-ms bounds the wait and the read together.")
  static final class ReadVitale extends Base {
    @Option(names = "--reader", paramLabel = "NAME", description = "the reader (default: the first with a card)")
    String reader;

    @Option(names = "--timeout-ms", paramLabel = "N",
        description = "milliseconds for waiting for the card and reading it (default 30000)")
    long timeoutMs = 30_000;

    @Option(names = "--reveal", description = "print names, dates and NIRs in clear (default: masked)")
    boolean reveal;

    @Override
    void run(CardReaders readers) {
      if (timeoutMs < 1) {
        throw CliFailure.usage("option '--timeout-ms': must be at least 1 (value not shown)");
      }
      long deadline = System.nanoTime() + timeoutMs * 1_000_000;
      Duration timeout = Duration.ofMillis(timeoutMs);
      String name;
      if (reader != null) {
        if (!readers.waitForCard(reader, timeout)) {
          throw CardReaderException.of(CardReaderException.Code.TIMEOUT, "no card in reader " + reader
              + " within " + timeoutMs + " ms", reader, null, -1, null);
        }
        name = reader;
      } else {
        Optional<String> any = readers.waitForCard(timeout);
        name = any.orElseThrow(() -> CardReaderException.of(CardReaderException.Code.TIMEOUT,
            "no card in any reader within " + timeoutMs + " ms"));
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left < 1) {
        throw CardReaderException.of(CardReaderException.Code.TIMEOUT, "card found in reader " + name
            + " but no time left to read it within " + timeoutMs + " ms", name, null, -1, null);
      }
      result.put("reader", name);
      VitaleCard card = new VitaleReader().read(readers, name, Duration.ofMillis(left));
      result.put("atr", card.atr());
      result.put("cardType", card.type().name());
      result.put("masked", !reveal);
      List<Object> list = new ArrayList<>();
      boolean holderReadable = card.unreadable().stream().noneMatch(u -> u.position() == 0);
      for (int i = 0; i < card.beneficiaries().size(); i++) {
        list.add(beneficiary(card.beneficiaries().get(i), i == 0 && holderReadable, reveal));
      }
      result.put("beneficiaries", list);
      List<Object> unreadable = new ArrayList<>();
      for (UnreadableBeneficiary u : card.unreadable()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", u.position());
        m.put("field", u.field());
        m.put("rule", u.rule());
        unreadable.add(m);
      }
      result.put("unreadable", unreadable);
    }
  }

  /** The exit status for a card error: the same table as every tool of the SDK. */
  static ExitCode exitCode(CardReaderException.Code code) {
    switch (code) {
      case UNSUPPORTED_CARD:
      case UNEXPECTED_STATUS:
      case MALFORMED_DATA:
      case PROTOCOL_MISMATCH:
        return ExitCode.INPUT;
      case PIN_INCORRECT:
      case PIN_LOCKED:
        return ExitCode.REFUSED;
      default:
        return ExitCode.UNAVAILABLE;
    }
  }

  private static Map<String, Object> beneficiary(VitaleBeneficiary b, boolean holder, boolean reveal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("holder", holder);
    m.put("birthName", reveal ? b.birthName().value() : Masking.text(b.birthName().value()));
    m.put("firstName", reveal ? b.firstName().value() : Masking.text(b.firstName().value()));
    m.put("birthDate", reveal ? b.birthDate().format() : Masking.date(b.birthDate()));
    m.put("nir", b.nir() == null ? null : reveal ? b.nir() : Masking.matricule(b.nir()));
    m.put("nirKeyCheck", b.nirCheck().name());
    Map<String, Object> unavailable = new LinkedHashMap<>();
    for (UnavailableData u : b.unavailable()) {
      unavailable.put(u.name(), u.reason());
    }
    m.put("unavailable", unavailable);
    return m;
  }

  private static Map<String, Object> error(CardReaderException e) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", e.code().name());
    err.put("message", e.getMessage());
    e.reader().ifPresent(r -> err.put("reader", r));
    e.atr().ifPresent(a -> {
      err.put("atr", a);
      err.put("cardType", CardType.fromAtr(Hex.parse(a)).name());
    });
    if (e.statusWord().isPresent()) {
      int sw = e.statusWord().getAsInt();
      err.put("statusWord", String.format(Locale.ROOT, "%04X", sw));
      err.put("statusMeaning", StatusWords.meaning(sw));
    }
    e.scardError().ifPresent(s -> err.put("scardError", s));
    return err;
  }
}
