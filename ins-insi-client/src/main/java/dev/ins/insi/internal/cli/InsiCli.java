package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Json;
import dev.ins.core.BirthDate;
import dev.ins.core.InsException;
import dev.ins.core.InsValidationException;
import dev.ins.core.Masking;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.Attempt;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiIdentity;
import dev.ins.insi.InsiResponseException;
import dev.ins.insi.InsiResult;
import dev.ins.insi.InsiTransportException;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.RetryPolicy;
import dev.ins.insi.ReturnedIns;
import dev.ins.insi.ReturnedTraits;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: {@code search} (connectivity check, one JSON object on stdout),
 * {@code doctor} (checks a software certificate against what INSi requires) and {@code stub} (runs
 * the stub INSi server for non-Java users). A thin shell over the public API.
 */
public final class InsiCli {

  /** Exit code for FOUND, NOT_FOUND, SEVERAL. */
  static final int OK = 0;
  /** Exit code for bad arguments. */
  static final int USAGE = 2;
  /** Exit code for a SOAP fault. */
  static final int FAULT = 3;
  /** Exit code for a transport error. */
  static final int TRANSPORT = 4;
  /** Exit code for an unreadable response. */
  static final int INVALID_RESPONSE = 5;

  private static final String USAGE_TEXT = "usage: search --endpoint URL --pkcs12 FILE --password PASS|--password-env VAR|--password-file F"
      + " --truststore FILE --truststore-password PASS|--truststore-password-env VAR|--truststore-password-file F"
      + " --birth-name N --first-names \"F1 F2\" --sex M|F"
      + " --birth-date YYYY-MM-DD [--birthplace COG] [--timeout-ms N] [--reveal] [--idam ID] [--emitter E]"
      + " [--environment TEST|PRODUCTION|STUB]  |  doctor --pkcs12 FILE [--roots PEM] [--crl FILE]"
      + " [--environment test|production]  |  acceptance --out DIR [--reveal]  |  stub [--port N] [--pki-out DIR]";

  private InsiCli() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != OK || args.length == 0 || !"stub".equals(args[0])) {
      System.exit(code);
    }
  }

  /**
   * Runs a command, writing to the given streams (testable without exiting).
   *
   * @param args arguments
   * @param out stdout
   * @param err stderr
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs a command with the given environment (where {@code --password-env} and
   * {@code --truststore-password-env} look).
   *
   * @param args arguments
   * @param out stdout
   * @param err stderr
   * @param env the environment
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.length == 0) {
      return usage(out, err, "no command given");
    }
    if (args[0].equals("doctor")) {
      return DoctorCommand.run(List.of(args).subList(1, args.length), out, env);
    }
    if (args[0].equals("acceptance")) {
      return AcceptanceCommand.run(List.of(args).subList(1, args.length), out);
    }
    Map<String, String> opts = new HashMap<>();
    List<String> flags = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        return usage(out, err, "unexpected argument at position " + i);
      }
      if (a.equals("--reveal")) {
        flags.add(a);
      } else if (i + 1 < args.length) {
        opts.put(a.substring(2), args[++i]);
      } else {
        return usage(out, err, "option " + a + " needs a value");
      }
    }
    switch (args[0]) {
      case "search":
        return search(opts, flags.contains("--reveal"), out, err, env);
      case "stub":
        return stub(opts, out, err);
      default:
        return usage(out, err, "unknown command '" + args[0] + "'");
    }
  }

  private static int usage(PrintStream out, PrintStream err, String why) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("outcome", "INVALID_INPUT");
    o.put("errorCode", "USAGE");
    out.println(Json.write(o));
    err.println("Invalid arguments: " + why + ". " + USAGE_TEXT);
    return USAGE;
  }

  private static String required(Map<String, String> o, String k) {
    String v = o.get(k);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing --" + k);
    }
    return v;
  }

  private static int search(Map<String, String> o, boolean reveal, PrintStream out, PrintStream err,
      Map<String, String> env) {
    Map<String, Object> json = new LinkedHashMap<>();
    InsiClient client;
    Traits traits;
    try {
      URI endpoint = URI.create(required(o, "endpoint"));
      char[] trustPassword = Secrets.resolve(o, "truststore-password", env);
      KeyStore trust;
      try {
        trust = load(Path.of(required(o, "truststore")), trustPassword);
      } finally {
        java.util.Arrays.fill(trustPassword, '\0');
      }
      Duration timeout = Duration.ofMillis(Long.parseLong(o.getOrDefault("timeout-ms", "30000")));
      String sexText = required(o, "sex");
      if (!sexText.equals("M") && !sexText.equals("F")) {
        throw new IllegalArgumentException("--sex must be M or F");
      }
      traits = Traits.fromTyped(required(o, "birth-name"), required(o, "first-names"),
          BirthDate.parse(required(o, "birth-date")), Sex.fromCode(sexText), o.get("birthplace"));
      char[] pwd = Secrets.resolve(o, "password", env);
      HttpClientTransport transport;
      try {
        transport = HttpClientTransport.builder()
            .pkcs12(Path.of(required(o, "pkcs12")), pwd)
            .trustedRoots(trust)
            .connectTimeout(timeout)
            .requestTimeout(timeout)
            .build();
      } finally {
        java.util.Arrays.fill(pwd, '\0');
      }
      client = InsiClient.builder()
          .environment(environment(o, endpoint))
          .endpoint(endpoint)
          .software(new LpsSoftware(o.getOrDefault("idam", "INS-SDK-CLI"), "ins-sdk-cli",
              dev.ins.core.InsSdk.version(), UUID.nameUUIDFromBytes("ins-sdk-cli".getBytes(StandardCharsets.UTF_8))))
          .emitter(o.getOrDefault("emitter", "ins-sdk-cli"))
          .retry(RetryPolicy.NONE)
          .transport(transport)
          .build();
    } catch (InsValidationException e) {
      return usage(out, err, e.getMessage());
    } catch (RuntimeException e) {
      return usage(out, err, e.getMessage());
    }
    try (client) {
      InsiResult r = client.searchByTraits(traits);
      describe(r, reveal, json);
      out.println(Json.write(json));
      return OK;
    } catch (InsiFaultException e) {
      json.put("outcome", "FAULT");
      json.put("faultCode", e.errorCode());
      json.put("soapCode", e.soapCode());
      json.put("subcode", e.subcode());
      json.put("severity", e.severity().name());
      json.put("messageId", e.messageId());
      out.println(Json.write(json));
      err.println("INSi answered with a fault: " + e.getMessage());
      return FAULT;
    } catch (InsiTransportException e) {
      json.put("outcome", "TRANSPORT_ERROR");
      json.put("errorCode", e.errorCode().name());
      if (e.httpStatus() >= 0) {
        json.put("httpStatus", e.httpStatus());
      }
      json.put("messageId", e.messageId());
      out.println(Json.write(json));
      err.println("The exchange with INSi failed: " + e.getMessage());
      return TRANSPORT;
    } catch (InsiResponseException e) {
      json.put("outcome", "INVALID_RESPONSE");
      json.put("errorCode", e.errorCode().name());
      json.put("messageId", e.messageId());
      out.println(Json.write(json));
      err.println("The INSi response could not be read: " + e.getMessage());
      return INVALID_RESPONSE;
    } catch (InsException e) {
      return usage(out, err, e.getMessage());
    }
  }

  private static InsiEnvironment environment(Map<String, String> o, URI endpoint) {
    String e = o.get("environment");
    if (e != null) {
      return InsiEnvironment.valueOf(e);
    }
    // The label comes from the configured endpoint, never from returned data.
    if (endpoint.equals(InsiEnvironment.PRODUCTION.mutualTlsEndpoint())) {
      return InsiEnvironment.PRODUCTION;
    }
    String host = endpoint.getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host) ? InsiEnvironment.STUB : InsiEnvironment.TEST;
  }

  private static KeyStore load(Path p, char[] pwd) {
    try (InputStream in = Files.newInputStream(p)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, pwd);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the trust store " + p.getFileName() + ": "
          + e.getClass().getSimpleName());
    }
  }

  static void describe(InsiResult r, boolean reveal, Map<String, Object> json) {
    String outcome = r instanceof InsiResult.Found ? "FOUND" : r instanceof InsiResult.NotFound ? "NOT_FOUND" : "SEVERAL";
    json.put("outcome", outcome);
    json.put("cr", r.cr().code());
    json.put("crLabel", r.cr().label());
    json.put("messageId", r.messageId());
    json.put("environment", r.environment().name());
    json.put("durationMs", r.duration().toMillis());
    json.put("attempts", r.attempts().size());
    List<Object> details = new ArrayList<>();
    for (Attempt a : r.attempts()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("index", a.index());
      d.put("cr", a.cr().code());
      d.put("firstNames", reveal ? String.join(" | ", a.firstNamesSent()) : Masking.MASK);
      d.put("birthplaceSent", a.birthplaceSent());
      d.put("messageId", a.messageId());
      d.put("durationMs", a.duration().toMillis());
      details.add(d);
    }
    json.put("attemptDetails", details);
    if (r instanceof InsiResult.Found) {
      InsiIdentity id = ((InsiResult.Found) r).identity();
      ReturnedIns a = id.active();
      json.put("keyValid", a.keyValid());
      json.put("valid", id.isValid());
      json.put("historyCount", id.history().size());
      json.put("matricule", reveal ? a.rawMatricule() : Masking.matricule(a.rawMatricule()));
      json.put("oid", a.oid());
      ReturnedTraits t = id.traits();
      Map<String, Object> tj = new LinkedHashMap<>();
      tj.put("birthName", reveal ? t.birthName() : Masking.text(t.birthName()));
      tj.put("firstNames", reveal ? t.firstNames() : Masking.text(t.firstNames()));
      tj.put("sex", reveal ? t.sex() : Masking.text(t.sex()));
      tj.put("birthDate", reveal ? t.birthDate() : Masking.date(t.birthDate()));
      tj.put("birthplace", reveal ? t.birthplace() : Masking.text(t.birthplace()));
      json.put("traits", tj);
      if (!id.isValid()) {
        List<String> v = new ArrayList<>();
        a.violations().forEach(x -> v.add("active." + x.field() + ":" + x.code()));
        t.violations().forEach(x -> v.add(x.field() + ":" + x.code()));
        for (int i = 0; i < id.history().size(); i++) {
          int n = i;
          id.history().get(i).violations().forEach(x -> v.add("history[" + n + "]." + x.field() + ":" + x.code()));
        }
        json.put("violations", v);
      }
    } else {
      json.put("historyCount", 0);
    }
  }

  private static int stub(Map<String, String> o, PrintStream out, PrintStream err) {
    StubInsiServer stub = startStub(o, out, err);
    if (stub == null) {
      return USAGE;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stub.close();
      stop.countDown();
    }));
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stub.close();
    }
    return OK;
  }

  /**
   * Starts the stub, writes its PKI and prints the JSON line; the caller keeps it running.
   *
   * @return the running stub, or null after a usage error was reported
   */
  static StubInsiServer startStub(Map<String, String> o, PrintStream out, PrintStream err) {
    StubInsiServer stub;
    Path dir;
    try {
      int port = Integer.parseInt(o.getOrDefault("port", "0"));
      dir = Path.of(o.getOrDefault("pki-out", "stub-pki"));
      stub = StubInsiServer.builder().port(port).start();
      try {
        stub.pki().writeTo(dir);
      } catch (IOException | RuntimeException e) {
        stub.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      usage(out, err, "cannot start the stub: " + e.getMessage());
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("endpoint", stub.endpoint().toString());
    json.put("port", stub.port());
    json.put("pkiDir", dir.toAbsolutePath().toString());
    json.put("password", StubPki.PASSWORD);
    Map<String, Object> clients = new LinkedHashMap<>();
    for (StubPki.Client c : StubPki.Client.values()) {
      clients.put(c.name(), c.fileName() + ".p12");
    }
    json.put("clients", clients);
    json.put("truststore", "truststore.p12");
    json.put("ca", "ca.pem");
    out.println(Json.write(json));
    out.flush();
    return stub;
  }

  /**
   * Parses {@code --key value} options (test helper for {@link #startStub}).
   *
   * @param args the options
   * @return the map
   */
  static Map<String, String> options(String... args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      m.put(args[i].substring(2), args[i + 1]);
    }
    return m;
  }
}
