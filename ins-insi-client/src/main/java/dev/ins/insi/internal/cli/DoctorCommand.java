package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Json;
import dev.ins.insi.doctor.CertificateDoctor;
import dev.ins.insi.doctor.Diagnosis;
import dev.ins.insi.doctor.Finding;
import dev.ins.security.certs.RevocationPolicy;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code doctor --pkcs12 FILE [--alias A] [--roots PEM]... [--crl FILE]... [--environment test|production]}:
 * checks an INSi software certificate and prints one JSON object. The password comes from the
 * environment variable {@code INS_PKCS12_PASSWORD}, a {@code --password-file}, or the console, never
 * from the command line. Exit 0 when INSi should accept the credential, 1 when not, 2 on a usage error.
 */
public final class DoctorCommand {

  private DoctorCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code doctor}
   * @param out where the JSON goes
   * @param env the environment (for the password)
   * @return the exit code
   */
  public static int run(List<String> args, PrintStream out, Map<String, String> env) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("command", "doctor");
    Path pkcs12 = null;
    Path passwordFile = null;
    String alias = null;
    CertificateDoctor.Environment environment = CertificateDoctor.Environment.PRODUCTION;
    List<Path> roots = new ArrayList<>();
    List<Path> crls = new ArrayList<>();
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        String v = i + 1 < args.size() ? args.get(i + 1) : null;
        switch (a) {
          case "--pkcs12" -> pkcs12 = Path.of(require(a, v));
          case "--password-file" -> passwordFile = Path.of(require(a, v));
          case "--alias" -> alias = require(a, v);
          case "--roots" -> roots.add(Path.of(require(a, v)));
          case "--crl" -> crls.add(Path.of(require(a, v)));
          case "--environment" -> environment = CertificateDoctor.Environment.valueOf(require(a, v).toUpperCase(Locale.ROOT));
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
        i++;
      }
      if (pkcs12 == null) {
        throw new IllegalArgumentException("--pkcs12 FILE is required");
      }
    } catch (IllegalArgumentException e) {
      result.put("error", e.getMessage() + "; usage: doctor --pkcs12 FILE [--alias A] [--roots PEM]... [--crl FILE]... "
          + "[--environment test|production] [--password-file F] (or INS_PKCS12_PASSWORD)");
      out.println(Json.write(result));
      return 2;
    }
    char[] password = null;
    try {
      password = password(passwordFile, env);
      CertificateDoctor.Builder b = CertificateDoctor.builder().environment(environment);
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Path r : roots) {
        try (InputStream in = Files.newInputStream(r)) {
          for (java.security.cert.Certificate c : cf.generateCertificates(in)) {
            b.trustAnchor((X509Certificate) c);
          }
        }
      }
      if (!crls.isEmpty()) {
        List<X509CRL> list = new ArrayList<>();
        for (Path c : crls) {
          try (InputStream in = Files.newInputStream(c)) {
            list.add((X509CRL) cf.generateCRL(in));
          }
        }
        // The CRLs given are the issuing CA's: check the leaf, hard fail when it is not covered.
        b.revocation(new RevocationPolicy(RevocationPolicy.Order.CRL_ONLY, false, true), list);
      }
      Diagnosis d = alias == null ? b.build().examinePkcs12(pkcs12, password) : examineAlias(b.build(), pkcs12, alias, password);
      result.put("environment", environment.name());
      result.put("ok", d.ok());
      List<Object> findings = new ArrayList<>();
      for (Finding f : d.findings()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().name());
        m.put("check", f.check().name());
        m.put("message", f.message());
        findings.add(m);
      }
      result.put("findings", findings);
      out.println(Json.write(result));
      return d.ok() ? 0 : 1;
    } catch (IOException | GeneralSecurityException e) {
      result.put("ok", false);
      result.put("error", "cannot read an input file (" + e.getClass().getSimpleName() + ")");
      out.println(Json.write(result));
      return 1;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private static Diagnosis examineAlias(CertificateDoctor doctor, Path file, String alias, char[] password)
      throws IOException, GeneralSecurityException {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    return doctor.examine(ks, alias, password);
  }

  private static String require(String option, String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static char[] password(Path file, Map<String, String> env) throws IOException {
    if (file != null) {
      return Secrets.readFile(file);
    }
    String fromEnv = env.get("INS_PKCS12_PASSWORD");
    if (fromEnv != null) {
      return fromEnv.toCharArray();
    }
    Console c = System.console();
    if (c != null) {
      char[] p = c.readPassword("PKCS#12 password: ");
      if (p != null) {
        return p;
      }
    }
    return new char[0];
  }
}
