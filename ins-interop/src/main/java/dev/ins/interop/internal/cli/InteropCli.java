package dev.ins.interop.internal.cli;

import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.ViolationsJson;
import dev.ins.core.datamatrix.DataMatrixIns;
import dev.ins.interop.datamatrix.DataMatrixInsSymbol;
import dev.ins.interop.datamatrix.DataMatrixScan;
import dev.ins.interop.datamatrix.PrintSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ins-interop on the command line: a thin picocli shell over {@link DataMatrixInsSymbol}.
 *
 * <pre>
 * java -jar ins-interop-VERSION-cli.jar datamatrix render --payload-file F --out FILE.png [--dpi N]
 * java -jar ins-interop-VERSION-cli.jar datamatrix read --in FILE.png
 * </pre>
 */
@Command(name = "ins-interop", description = "Vendor interoperability tools of the INS SDK.",
    subcommands = InteropCli.DataMatrix.class)
public final class InteropCli {

  /** The largest payload file read: a valid payload has at most 291 characters. */
  static final int MAX_PAYLOAD_FILE = 4096;

  /**
   * Entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(Cli.run(new InteropCli(), System.out, System.err, args));
  }

  /** The {@code datamatrix} command group. */
  @Command(name = "datamatrix", description = "Render or read a DataMatrix INS symbol.",
      subcommands = {Render.class, Read.class})
  static final class DataMatrix {}

  /** {@code datamatrix render}. */
  @Command(name = "render", description = "Render the exact bytes of a DataMatrix INS payload file as a PNG "
      + "(the payload is checked with ins-core's decoder first).")
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--payload-file", required = true, paramLabel = "FILE",
        description = "The payload: header and fields, GS (0x1D) separators included, no trailing newline.")
    Path payloadFile;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write (must not exist).")
    Path out;

    @Option(names = "--dpi", paramLabel = "N", description = "Printer resolution, 72 to 2400 (default: ${DEFAULT-VALUE}).")
    int dpi = 300;

    @Override
    public Integer call() {
      if (dpi < 72 || dpi > 2400) {
        throw new CliFailure(ExitCode.USAGE, "USAGE", "option '--dpi': expected 72 to 2400");
      }
      byte[] bytes = readPayload(payloadFile);
      String payload;
      try {
        payload = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        Cli.print(spec, refusal(List.of(new Violation("datamatrix", dev.ins.core.ViolationCode.INVALID_CHARACTER, -1,
            "a DataMatrix INS payload is ASCII text; the file holds other bytes"))));
        return ExitCode.NEGATIVE.code();
      }
      DataMatrixInsSymbol symbol;
      try {
        symbol = DataMatrixInsSymbol.ofPayload(payload);
      } catch (InsValidationException e) {
        Map<String, Object> r = refusal(e.violations());
        if (payload.endsWith("\n") || payload.endsWith("\r")) {
          r.put("hint", "the file ends with a line break: the payload is rendered byte for byte, write it without one");
        }
        Cli.print(spec, r);
        return ExitCode.NEGATIVE.code();
      }
      byte[] png = symbol.toPng(PrintSpec.INS_DOCUMENT, dpi);
      try {
        Files.write(out, png, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "--out: the file already exists", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_NOT_WRITTEN", "--out: the file could not be written", e);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ok", true);
      r.put("out", out.toString());
      r.put("modules", symbol.modules());
      r.put("dpi", dpi);
      r.put("modulePixels", PrintSpec.INS_DOCUMENT.modulePixels(dpi));
      r.put("moduleMillimetres", PrintSpec.INS_DOCUMENT.moduleMillimetres());
      r.put("quietZoneModules", PrintSpec.INS_DOCUMENT.quietZoneModules());
      r.put("sideMillimetres", Math.round(symbol.sideMillimetres(PrintSpec.INS_DOCUMENT) * 10) / 10.0);
      Cli.print(spec, r);
      return ExitCode.DONE.code();
    }

    private static Map<String, Object> refusal(List<Violation> violations) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ok", false);
      r.put("rendered", false);
      r.put("reason", "the payload is not a valid DataMatrix INS");
      r.put("violations", describe(violations));
      return r;
    }
  }

  /** {@code datamatrix read}. */
  @Command(name = "read", description = "Read a DataMatrix INS from an image (a render, a scan or a photo).")
  static final class Read implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The image (PNG, JPEG, GIF, BMP, TIFF).")
    Path in;

    @Override
    public Integer call() {
      DataMatrixScan scan;
      try {
        scan = DataMatrixInsSymbol.read(in);
      } catch (NoSuchFileException e) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--in: no such file", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.INPUT, "INPUT_UNREADABLE", "--in: the file could not be read", e);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      if (scan instanceof DataMatrixScan.Found f) {
        DataMatrixIns c = f.content();
        r.put("payload", f.payload());
        r.put("ins", c.ins().matricule().value());
        r.put("oid", c.ins().oid().oid());
        r.put("birthName", c.traits().birthName().value());
        r.put("firstNames", c.traits().firstNames().value());
        r.put("sex", c.traits().sex().code());
        r.put("birthDate", c.traits().birthDate().format());
        r.put("birthplace", c.traits().birthplace().map(b -> b.value()).orElse(null));
        Cli.print(spec, r);
        return ExitCode.DONE.code();
      }
      r.put("found", false);
      if (scan instanceof DataMatrixScan.NotFound n) {
        r.put("reason", n.reason());
      } else if (scan instanceof DataMatrixScan.NotIns n) {
        r.put("reason", "a DataMatrix symbol was read, but it is not a valid DataMatrix INS");
        r.put("violations", describe(n.violations()));
      }
      Cli.print(spec, r);
      return ExitCode.NEGATIVE.code();
    }
  }

  static byte[] readPayload(Path file) {
    try {
      if (Files.size(file) > MAX_PAYLOAD_FILE) {
        throw new CliFailure(ExitCode.INPUT, "INPUT_TOO_LARGE", "--payload-file: larger than " + MAX_PAYLOAD_FILE + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--payload-file: no such file", e);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "INPUT_UNREADABLE", "--payload-file: the file could not be read", e);
    }
  }

  static List<Object> describe(List<Violation> violations) {
    return ViolationsJson.of(violations);
  }
}
