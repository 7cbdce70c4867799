package dev.ins.cardreader.internal.cli;

import dev.ins.core.cli.Json;
import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.ReaderInfo;
import dev.ins.cardreader.StatusWords;
import dev.ins.cardreader.vitale.UnavailableData;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.cardreader.vitale.VitaleCard;
import dev.ins.cardreader.vitale.VitaleReader;
import dev.ins.core.Masking;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The support/conformance command line: {@code readers} and {@code read-vitale}. A thin shell over
 * the public API: arguments in, one JSON object out; exit 0 on success, 2 on a card error (typed
 * code in {@code error.code}), 64 on a usage error, 70 on an unexpected failure (its class only:
 * a message could hold card data).
 */
public final class CardReaderCli {

  static final int OK = 0;
  static final int CARD_ERROR = 2;
  static final int USAGE = 64;
  static final int INTERNAL = 70;

  private static final String HELP = "usage: readers [--adapter jnasmartcardio|jdk]"
      + " | read-vitale [--reader NAME] [--adapter jnasmartcardio|jdk] [--timeout-ms N] [--reveal]";

  private CardReaderCli() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(args, out));
  }

  /**
   * Runs a command.
   *
   * @param args the arguments
   * @param out where the JSON object goes
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out) {
    Map<String, Object> result = new LinkedHashMap<>();
    String command = args.length == 0 ? "" : args[0];
    result.put("command", command);
    int status;
    try {
      Options o = Options.parse(args);
      result.put("adapter", o.adapter.cliName());
      if ("readers".equals(command)) {
        status = readers(o, result);
      } else if ("read-vitale".equals(command)) {
        status = readVitale(o, result);
      } else {
        throw new IllegalArgumentException("unknown command '" + command + "'");
      }
    } catch (IllegalArgumentException e) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("code", "USAGE");
      err.put("message", e.getMessage() + "; " + HELP);
      result.put("error", err);
      status = USAGE;
    } catch (CardReaderException e) {
      result.put("error", error(e));
      status = CARD_ERROR;
    } catch (RuntimeException e) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("code", "INTERNAL_ERROR");
      err.put("message", e.getClass().getName());
      result.put("error", err);
      status = INTERNAL;
    }
    out.println(Json.write(result));
    return status;
  }

  private static int readers(Options o, Map<String, Object> result) {
    try (CardReaders readers = CardReaders.pcsc(o.adapter)) {
      List<Object> list = new ArrayList<>();
      for (ReaderInfo r : readers.readers()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("cardPresent", r.cardPresent());
        list.add(m);
      }
      result.put("readers", list);
      return OK;
    }
  }

  private static int readVitale(Options o, Map<String, Object> result) {
    try (CardReaders readers = CardReaders.pcsc(o.adapter)) {
      Duration timeout = Duration.ofMillis(o.timeoutMs);
      String reader;
      if (o.reader != null) {
        if (!readers.waitForCard(o.reader, timeout)) {
          throw CardReaderException.of(CardReaderException.Code.TIMEOUT, "no card in reader " + o.reader
              + " within " + o.timeoutMs + " ms", o.reader, null, -1, null);
        }
        reader = o.reader;
      } else {
        Optional<String> any = readers.waitForCard(timeout);
        reader = any.orElseThrow(() -> CardReaderException.of(CardReaderException.Code.TIMEOUT,
            "no card in any reader within " + o.timeoutMs + " ms"));
      }
      result.put("reader", reader);
      VitaleCard card = new VitaleReader().read(readers, reader);
      result.put("atr", card.atr());
      result.put("cardType", card.type().name());
      result.put("masked", !o.reveal);
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < card.beneficiaries().size(); i++) {
        list.add(beneficiary(card.beneficiaries().get(i), i == 0, o.reveal));
      }
      result.put("beneficiaries", list);
      return OK;
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
      err.put("cardType", dev.ins.cardreader.CardType.fromAtr(dev.ins.cardreader.internal.Hex.parse(a)).name());
    });
    if (e.statusWord().isPresent()) {
      int sw = e.statusWord().getAsInt();
      err.put("statusWord", String.format("%04X", sw));
      err.put("statusMeaning", StatusWords.meaning(sw));
    }
    e.scardError().ifPresent(s -> err.put("scardError", s));
    return err;
  }

  /** Parsed options. */
  private static final class Options {
    PcscAdapter adapter = PcscAdapter.JNASMARTCARDIO;
    String reader;
    long timeoutMs = 30_000;
    boolean reveal;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--adapter":
            o.adapter = PcscAdapter.fromName(value(args, ++i, "--adapter"));
            break;
          case "--reader":
            o.reader = value(args, ++i, "--reader");
            break;
          case "--timeout-ms":
            String t = value(args, ++i, "--timeout-ms");
            try {
              o.timeoutMs = Long.parseLong(t);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--timeout-ms: expected a number of milliseconds, got '" + t + "'");
            }
            if (o.timeoutMs < 1) {
              throw new IllegalArgumentException("--timeout-ms: must be at least 1, got " + o.timeoutMs);
            }
            break;
          case "--reveal":
            o.reveal = true;
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + ": value missing");
      }
      return args[i];
    }
  }
}
