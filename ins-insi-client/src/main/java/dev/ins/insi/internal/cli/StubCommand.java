package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.Json;
import dev.ins.insi.stub.RecordedRequest;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stub}: runs the stub INSi server until the process is stopped, for non-Java users. Prints
 * one JSON line (endpoint, PKI files); the PKI is written to {@code --pki-out}. Faults are injected
 * with {@code --fault SPEC} (queued, one per request, in order) and {@code --always-fault SPEC}, or
 * while it runs with control lines on standard input ({@code fault SPEC}, {@code always SPEC},
 * {@code clear}, {@code requests}), each answered by one JSON line. {@code --record DIR} writes every
 * request received to {@code DIR/NNN-request.xml}.
 *
 * <p>Fault specs: {@code latency:MS}, {@code http:STATUS}, {@code soap:SUBCODE:CODE[:TEXT]} (empty
 * SUBCODE for none), {@code truncated}, {@code malformed}, {@code oversized:BYTES}, {@code reset},
 * {@code canned:FILE}.
 */
@Command(name = "stub", description = "Runs the stub INSi server (mutual TLS on 127.0.0.1) until stopped.")
final class StubCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  InsiCli parent;

  @Option(names = "--port", defaultValue = "0", paramLabel = "N", description = "the port (0: any free port)")
  int port;

  @Option(names = "--pki-out", defaultValue = "stub-pki", paramLabel = "DIR", description = "where the PKI files go")
  Path pkiOut;

  @Option(names = "--key-algorithm", defaultValue = "RSA", paramLabel = "rsa|ec",
      description = "the PKI's keys: RSA like IGC-Sante (default) or EC")
  StubPki.KeyAlgorithm keyAlgorithm;

  @Option(names = "--accepted-idam", paramLabel = "ID", description = "accept only these IDAMs (repeatable)")
  List<String> acceptedIdams = new ArrayList<>();

  @Option(names = "--fault", paramLabel = "SPEC", description = "a fault for the next request (repeatable, in order)")
  List<String> faults = new ArrayList<>();

  @Option(names = "--always-fault", paramLabel = "SPEC", description = "a fault for every request")
  String alwaysFault;

  @Option(names = "--record", paramLabel = "DIR", description = "write every request received to DIR/NNN-request.xml")
  Path record;

  @Override
  public Integer call() {
    StubInsiServer stub = start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stub.close();
      stop.countDown();
    }));
    Thread control = new Thread(() -> control(stub), "stub-control");
    control.setDaemon(true);
    control.start();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stub.close();
    }
    return ExitCode.DONE.code();
  }

  /**
   * Starts the stub, writes its PKI and prints the JSON line; the caller keeps it running.
   *
   * @return the running stub
   * @throws CliFailure UNAVAILABLE when the port is in use, OUTPUT when a file cannot be written,
   *     USAGE for a bad fault spec
   */
  StubInsiServer start() {
    if (port < 0 || port > 65535) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "--port: expected 0 to 65535");
    }
    List<StubFault> queued = new ArrayList<>();
    for (String f : faults) {
      queued.add(parseFault("--fault", f));
    }
    StubFault always = alwaysFault == null ? null : parseFault("--always-fault", alwaysFault);
    if (record != null) {
      try {
        Files.createDirectories(record);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--record: cannot create " + record, e);
      }
    }
    AtomicInteger count = new AtomicInteger();
    StubInsiServer.Builder b = StubInsiServer.builder().port(port).pki(StubPki.generate(keyAlgorithm))
        .acceptedIdams(Set.copyOf(acceptedIdams));
    if (record != null) {
      b.onRequest(r -> write(r, count.incrementAndGet()));
    }
    StubInsiServer stub;
    try {
      stub = b.start();
    } catch (UncheckedIOException e) {
      boolean busy = e.getCause() instanceof BindException;
      throw new CliFailure(ExitCode.UNAVAILABLE, busy ? "PORT_IN_USE" : "CANNOT_LISTEN", "--port " + port + ": "
          + (busy ? "the port is already in use" : "cannot listen on 127.0.0.1 (" + e.getCause().getClass().getSimpleName()
          + ")"), e);
    }
    try {
      stub.pki().writeTo(pkiOut);
    } catch (IOException | RuntimeException e) {
      stub.close();
      throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--pki-out: cannot write the PKI in " + pkiOut, e);
    }
    queued.forEach(stub::enqueue);
    if (always != null) {
      stub.always(always);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("endpoint", stub.endpoint().toString());
    json.put("port", stub.port());
    json.put("pkiDir", pkiOut.toAbsolutePath().toString());
    json.put("keyAlgorithm", stub.pki().keyAlgorithm().name());
    json.put("password", StubPki.PASSWORD);
    Map<String, Object> clients = new LinkedHashMap<>();
    for (StubPki.Client c : StubPki.Client.values()) {
      clients.put(c.name(), c.fileName() + ".p12");
    }
    json.put("clients", clients);
    json.put("truststore", "truststore.p12");
    json.put("ca", "ca.pem");
    json.put("faultsQueued", queued.size());
    json.put("record", record == null ? null : record.toAbsolutePath().toString());
    Cli.print(spec, json);
    return stub;
  }

  private void write(RecordedRequest r, int n) {
    try {
      Files.write(record.resolve(String.format(Locale.ROOT, "%03d-request.xml", n)), r.body());
    } catch (IOException e) {
      spec.commandLine().getErr().println("stub: cannot record request " + n + " in " + record + " ("
          + e.getClass().getSimpleName() + ")");
      spec.commandLine().getErr().flush();
    }
  }

  /** Reads control lines until standard input ends; each line gets one JSON answer. */
  void control(StubInsiServer stub) {
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        int sp = l.indexOf(' ');
        String verb = sp < 0 ? l : l.substring(0, sp);
        String arg = sp < 0 ? "" : l.substring(sp + 1).strip();
        answer.put("control", verb);
        try {
          switch (verb) {
            case "fault" -> stub.enqueue(parseFault("fault", arg));
            case "always" -> stub.always(parseFault("always", arg));
            case "clear" -> {
              stub.clearFaults();
              stub.clearRequests();
            }
            case "requests" -> {
              List<Object> list = new ArrayList<>();
              for (RecordedRequest r : stub.requests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("operation", r.operation());
                m.put("messageId", r.messageId());
                m.put("clientCn", r.clientCn());
                list.add(m);
              }
              answer.put("requests", list);
            }
            default -> throw new CliFailure(ExitCode.USAGE, "USAGE",
                "unknown control (expected fault SPEC, always SPEC, clear or requests)");
          }
          answer.put("ok", true);
        } catch (CliFailure e) {
          answer.put("ok", false);
          answer.put("error", Map.of("code", e.code(), "message", e.getMessage()));
        }
        out.println(Json.write(answer));
        out.flush();
      }
    } catch (IOException e) {
      // standard input closed: the stub keeps running without control
    }
  }

  /** Parses a fault spec; the message names the rule, never the value. */
  static StubFault parseFault(String option, String spec) {
    String[] p = spec.split(":", -1);
    try {
      switch (p[0].toLowerCase(Locale.ROOT)) {
        case "latency":
          return StubFault.latency(Duration.ofMillis(Long.parseLong(p[1])));
        case "http":
          return StubFault.httpStatus(Integer.parseInt(p[1]));
        case "soap":
          if (p.length < 3 || p[2].isBlank()) {
            break;
          }
          return StubFault.soapFault(p[1].isEmpty() ? null : p[1], p[2], "erreur",
              p.length > 3 ? String.join(":", List.of(p).subList(3, p.length)) : p[2]);
        case "truncated":
          return StubFault.truncatedBody();
        case "malformed":
          return StubFault.malformedXml();
        case "oversized":
          return StubFault.oversizedBody(Integer.parseInt(p[1]));
        case "reset":
          return StubFault.connectionReset();
        case "canned": {
          Path file = Path.of(spec.substring(spec.indexOf(':') + 1));
          try {
            return StubFault.canned(Files.readAllBytes(Inputs.readable(option, file)));
          } catch (IOException e) {
            throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", option + ": cannot read " + file, e);
          }
        }
        default:
          break;
      }
    } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
      // a missing or bad number: reported below
    }
    throw new CliFailure(ExitCode.USAGE, "USAGE", option + ": not a fault spec (expected latency:MS, http:STATUS, "
        + "soap:SUBCODE:CODE[:TEXT], truncated, malformed, oversized:BYTES, reset or canned:FILE; value not shown)");
  }
}
