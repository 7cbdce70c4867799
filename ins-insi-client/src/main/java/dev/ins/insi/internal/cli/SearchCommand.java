package dev.ins.insi.internal.cli;

import dev.ins.core.BirthDate;
import dev.ins.core.InsSdk;
import dev.ins.core.InsValidationException;
import dev.ins.core.LigaturePolicy;
import dev.ins.core.Masking;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
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
import dev.ins.insi.transport.HttpClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code search}: searches INSi by traits once (connectivity check, no retry) and prints one JSON
 * object. Exit 0 FOUND, 1 NOT_FOUND or SEVERAL, 2 usage (including traits INSi would refuse, such
 * as typed ligatures without {@code --transliterate-ligatures}), 3 unreadable input file or secret,
 * 4 transport failure or unreadable response, 5 SOAP fault or TLS refusal.
 */
@Command(name = "search", description = "Searches INSi by traits and prints one JSON object (masked unless --reveal).")
final class SearchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  InsiCli parent;

  @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "the INSi endpoint (https)")
  URI endpoint;

  @Option(names = "--pkcs12", required = true, paramLabel = "FILE", description = "the client credential")
  Path pkcs12;

  @Option(names = "--password", paramLabel = "PASS", description = "the credential's password (visible in the process list)")
  String password;

  @Option(names = "--password-env", paramLabel = "VAR", description = "read the password from this environment variable")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from this file")
  Path passwordFile;

  @Option(names = "--truststore", required = true, paramLabel = "FILE", description = "PKCS#12 trust store of the roots")
  Path truststore;

  @Option(names = "--truststore-password", paramLabel = "PASS", description = "the trust store's password")
  String truststorePassword;

  @Option(names = "--truststore-password-env", paramLabel = "VAR", description = "read it from this environment variable")
  String truststorePasswordEnv;

  @Option(names = "--truststore-password-file", paramLabel = "FILE", description = "read it from this file")
  Path truststorePasswordFile;

  @Option(names = "--birth-name", required = true, paramLabel = "NAME", description = "birth name, typed")
  String birthName;

  @Option(names = "--first-names", required = true, paramLabel = "NAMES", description = "birth first names, typed, space separated")
  String firstNames;

  @Option(names = "--sex", required = true, paramLabel = "M|F", description = "M or F")
  String sex;

  @Option(names = "--birth-date", required = true, paramLabel = "YYYY-MM-DD", description = "birth date")
  String birthDate;

  @Option(names = "--birthplace", paramLabel = "COG", description = "birthplace code (5 characters)")
  String birthplace;

  @Option(names = "--transliterate-ligatures", description = "the operator saw and confirmed the transliteration of "
      + "the ligatures AE/OE (INSi refuses them; without this option they are refused before any call)")
  boolean transliterateLigatures;

  @Option(names = "--timeout-ms", defaultValue = "30000", paramLabel = "N", description = "connect and request timeout")
  long timeoutMs;

  @Option(names = "--reveal", description = "print the matricule and the traits in clear (test identities only)")
  boolean reveal;

  @Option(names = "--idam", defaultValue = "INS-SDK-CLI", paramLabel = "ID", description = "the software's authorisation number")
  String idam;

  @Option(names = "--emitter", defaultValue = "ins-sdk-cli", paramLabel = "E", description = "the Emetteur of the contexts")
  String emitter;

  @Option(names = "--environment", paramLabel = "TEST|PRODUCTION|STUB",
      description = "label of the environment (default: from the endpoint, never from returned data)")
  InsiEnvironment environment;

  @Override
  public Integer call() {
    if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "--endpoint: an https URL is required");
    }
    if (!sex.equals("M") && !sex.equals("F")) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "invalid value for option '--sex' (expected M or F; value not shown)");
    }
    if (timeoutMs <= 0 || timeoutMs > 600_000) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "--timeout-ms: expected 1 to 600000");
    }
    Traits traits = traits();
    Inputs.readable("--pkcs12", pkcs12);
    Inputs.readable("--truststore", truststore);
    char[] trustPassword = Secrets.resolve("truststore-password", truststorePassword, truststorePasswordEnv,
        truststorePasswordFile, parent.env);
    KeyStore trust;
    try {
      trust = load(truststore, trustPassword);
    } finally {
      Arrays.fill(trustPassword, '\0');
    }
    char[] pwd = Secrets.resolve("password", password, passwordEnv, passwordFile, parent.env);
    HttpClientTransport transport;
    Duration timeout = Duration.ofMillis(timeoutMs);
    try {
      transport = HttpClientTransport.builder().pkcs12(pkcs12, pwd).trustedRoots(trust).connectTimeout(timeout)
          .requestTimeout(timeout).build();
    } catch (RuntimeException e) {
      throw new CliFailure(ExitCode.INPUT, "CREDENTIAL_UNREADABLE", "--pkcs12: " + pkcs12
          + " cannot be opened with the given password (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      Arrays.fill(pwd, '\0');
    }
    Map<String, Object> json = new LinkedHashMap<>();
    try (InsiClient client = InsiClient.builder().environment(environment != null ? environment : environment(endpoint))
        .endpoint(endpoint).software(new LpsSoftware(idam, "ins-sdk-cli", InsSdk.version(),
            UUID.nameUUIDFromBytes("ins-sdk-cli".getBytes(StandardCharsets.UTF_8))))
        .emitter(emitter).retry(RetryPolicy.NONE).transport(transport).build()) {
      InsiResult r = client.searchByTraits(traits);
      describe(r, reveal, json);
      Cli.print(spec, json);
      return r instanceof InsiResult.Found ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    } catch (InsiFaultException e) {
      json.put("outcome", "FAULT");
      json.put("faultCode", e.errorCode());
      json.put("soapCode", e.soapCode());
      json.put("subcode", e.subcode());
      json.put("severity", e.severity().name());
      json.put("reason", e.reason());
      json.put("messageId", e.messageId());
      return failed(json, "INSi answered with a fault: " + e.getMessage(), ExitCode.REFUSED);
    } catch (InsiTransportException e) {
      json.put("outcome", "TRANSPORT_ERROR");
      json.put("errorCode", e.errorCode().name());
      if (e.httpStatus() >= 0) {
        json.put("httpStatus", e.httpStatus());
      }
      json.put("messageId", e.messageId());
      boolean refused = e.errorCode() == InsiTransportException.ErrorCode.TLS;
      return failed(json, "The exchange with INSi failed: " + e.getMessage(),
          refused ? ExitCode.REFUSED : ExitCode.UNAVAILABLE);
    } catch (InsiResponseException e) {
      json.put("outcome", "INVALID_RESPONSE");
      json.put("errorCode", e.errorCode().name());
      json.put("messageId", e.messageId());
      return failed(json, "The INSi response could not be read: " + e.getMessage(), ExitCode.UNAVAILABLE);
    }
  }

  private int failed(Map<String, Object> json, String sentence, ExitCode code) {
    Cli.print(spec, json);
    spec.commandLine().getErr().println(sentence);
    spec.commandLine().getErr().flush();
    return code.code();
  }

  /** The typed traits, INSi's refusals reported before any call, naming the option and the rule. */
  private Traits traits() {
    BirthDate date;
    try {
      date = BirthDate.parse(birthDate);
    } catch (InsValidationException e) {
      throw new CliFailure(ExitCode.USAGE, "INVALID_TRAITS", "--birth-date: " + e.code() + " (expected YYYY-MM-DD; value not shown)");
    }
    try {
      return Traits.fromTyped(birthName, firstNames, date, Sex.fromInsi(sex), birthplace,
          transliterateLigatures ? LigaturePolicy.TRANSLITERATE_CONFIRMED_BY_OPERATOR : LigaturePolicy.REFUSE);
    } catch (InsValidationException e) {
      String rules = e.violations().stream().map(SearchCommand::describe).collect(Collectors.joining("; "));
      boolean ligature = e.violations().stream().anyMatch(v -> v.code() == dev.ins.core.ViolationCode.LIGATURE);
      throw new CliFailure(ExitCode.USAGE, "INVALID_TRAITS", "refused before any INSi call: " + rules
          + (ligature ? "; INSi refuses the ligatures AE/OE: once the operator confirmed their transliteration,"
              + " add --transliterate-ligatures" : ""));
    }
  }

  private static String describe(Violation v) {
    String option = switch (v.field()) {
      case "traits.birthName" -> "--birth-name";
      case "traits.firstNames" -> "--first-names";
      case "traits.birthDate" -> "--birth-date";
      case "traits.sex" -> "--sex";
      case "traits.birthplace" -> "--birthplace";
      default -> v.field();
    };
    return option + ": " + v.code() + (v.index() >= 0 ? " at index " + v.index() : "");
  }

  private static InsiEnvironment environment(URI endpoint) {
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
      throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", "--truststore: " + p
          + " cannot be opened with the given password (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Describes a result as the command prints it.
   *
   * @param r the result
   * @param reveal whether patient data is printed in clear
   * @param json where the fields go
   */
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
    if (r instanceof InsiResult.Found found) {
      InsiIdentity id = found.identity();
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
}
