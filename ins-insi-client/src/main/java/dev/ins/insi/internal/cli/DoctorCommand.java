package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.insi.doctor.CertificateDoctor;
import dev.ins.insi.doctor.Diagnosis;
import dev.ins.insi.doctor.Finding;
import dev.ins.security.certs.RevocationPolicy;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code doctor --pkcs12 FILE [--alias A] [--roots PEM]... [--crl FILE]... [--environment test|production]}:
 * checks an INSi software certificate and prints one JSON object. The password comes from the
 * environment variable {@code INS_PKCS12_PASSWORD}, a {@code --password-file}, or the console, never
 * from the command line. Exit 0 when INSi should accept the credential, 1 when not, 2 on a usage
 * error, 3 when an input file cannot be read.
 */
@Command(name = "doctor", description = "Checks an INSi software certificate against what INSi requires.")
final class DoctorCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  InsiCli parent;

  @Option(names = "--pkcs12", required = true, paramLabel = "FILE", description = "the credential to check")
  Path pkcs12;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "read the password from this file (else INS_PKCS12_PASSWORD, else the console)")
  Path passwordFile;

  @Option(names = "--alias", paramLabel = "A", description = "the key entry to check")
  String alias;

  @Option(names = "--roots", paramLabel = "PEM", description = "trusted roots (repeatable)")
  List<Path> roots = new ArrayList<>();

  @Option(names = "--crl", paramLabel = "FILE", description = "CRLs of the issuing CA (repeatable)")
  List<Path> crls = new ArrayList<>();

  @Option(names = "--environment", defaultValue = "PRODUCTION", paramLabel = "test|production",
      description = "the INSi environment the credential is for")
  CertificateDoctor.Environment environment;

  @Override
  public Integer call() {
    Inputs.readable("--pkcs12", pkcs12);
    roots.forEach(r -> Inputs.readable("--roots", r));
    crls.forEach(c -> Inputs.readable("--crl", c));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("command", "doctor");
    char[] password = password();
    try {
      CertificateDoctor.Builder b = CertificateDoctor.builder().environment(environment);
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Path r : roots) {
        for (Object c : read(cf, "--roots", r, true)) {
          b.trustAnchor((X509Certificate) c);
        }
      }
      if (!crls.isEmpty()) {
        List<X509CRL> list = new ArrayList<>();
        for (Path c : crls) {
          list.add((X509CRL) read(cf, "--crl", c, false).get(0));
        }
        // The CRLs given are the issuing CA's: check the leaf, hard fail when it is not covered.
        b.revocation(new RevocationPolicy(RevocationPolicy.Order.CRL_ONLY, false, true), list);
      }
      Diagnosis d = alias == null ? b.build().examinePkcs12(pkcs12, password) : examineAlias(b.build(), password);
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
      Cli.print(spec, result);
      return d.ok() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    } catch (GeneralSecurityException e) {
      throw new CliFailure(ExitCode.INTERNAL, "NO_X509", "the X.509 certificate factory is not available", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static List<Object> read(CertificateFactory cf, String option, Path file, boolean certificates) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Object> out = new ArrayList<>();
      if (certificates) {
        out.addAll(cf.generateCertificates(in));
      } else {
        out.add(cf.generateCRL(in));
      }
      if (out.isEmpty()) {
        throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", option + ": no certificate in " + file);
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", option + ": cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private Diagnosis examineAlias(CertificateDoctor doctor, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return doctor.examine(ks, alias, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new CliFailure(ExitCode.INPUT, "CREDENTIAL_UNREADABLE", "--pkcs12: " + pkcs12
          + " cannot be opened with the given password (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private char[] password() {
    if (passwordFile != null) {
      try {
        return Secrets.readFile(passwordFile);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.INPUT, "SECRET_UNAVAILABLE", "--password-file: the file cannot be read ("
            + Secrets.reason(e) + "; its path is not shown: it may be a secret)", e);
      }
    }
    String fromEnv = parent.env.get("INS_PKCS12_PASSWORD");
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
