package dev.ins.insi.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.testing.SyntheticPki;
import dev.ins.security.testing.SyntheticPki.LeafProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  private static String pem(java.security.cert.X509Certificate c) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }

  private static int run(StringBuilder json, Map<String, String> env, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int code = InsiCli.run(args, out, out, env, java.io.InputStream.nullInputStream());
    json.append(buf.toString(StandardCharsets.UTF_8).trim());
    return code;
  }

  @Test
  void doctor_onAGoodTestCertificate_printsOkAndExitsZero(@TempDir Path dir) throws Exception {
    Instant now = Instant.now();
    SyntheticPki pki = new SyntheticPki(now, SyntheticPki.KeyType.RSA, true);
    Path p12 = dir.resolve("insi.p12");
    Files.write(p12, pki.pkcs12(pki.insiAuto(), "pw".toCharArray()));
    Path roots = dir.resolve("roots.pem");
    Files.writeString(roots, pem(pki.root));
    StringBuilder out = new StringBuilder();
    int code = run(out, Map.of("INS_PKCS12_PASSWORD", "pw"), "doctor", "--pkcs12", p12.toString(),
        "--roots", roots.toString(), "--environment", "test");
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("\"ok\":true"), out.toString());
    assertFalse(out.toString().contains("pw\""), out.toString());
  }

  @Test
  void doctor_onAWrongCn_listsTheProblemAndExitsOne(@TempDir Path dir) throws Exception {
    Instant now = Instant.now();
    SyntheticPki pki = new SyntheticPki(now, SyntheticPki.KeyType.RSA, true);
    SyntheticPki.Issued bad = pki.issue("MON-LOGICIEL", now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(90)), LeafProfile.DEFAULT);
    Path p12 = dir.resolve("bad.p12");
    Files.write(p12, pki.pkcs12(bad, "pw".toCharArray()));
    Path pw = dir.resolve("pw.txt");
    Files.writeString(pw, "pw\n");
    StringBuilder out = new StringBuilder();
    int code = run(out, Map.of(), "doctor", "--pkcs12", p12.toString(), "--password-file", pw.toString(),
        "--environment", "test");
    assertEquals(1, code, out.toString());
    assertTrue(out.toString().contains("\"check\":\"CN\""), out.toString());
  }

  @Test
  void doctor_withoutPkcs12_isAUsageError() {
    StringBuilder out = new StringBuilder();
    assertEquals(2, run(out, Map.of(), "doctor", "--environment", "test"));
    assertTrue(out.toString().contains("missing option '--pkcs12'"), out.toString());
    assertEquals(2, run(new StringBuilder(), Map.of(), "frobnicate"));
    StringBuilder env = new StringBuilder();
    assertEquals(2, run(env, Map.of(), "doctor", "--pkcs12", "x.p12", "--environment", "staging"));
    assertTrue(env.toString().contains("option '--environment'") && !env.toString().contains("staging"), env.toString());
  }

  @Test
  void doctor_missingFiles_areNamed_exit3(@TempDir Path dir) throws Exception {
    StringBuilder out = new StringBuilder();
    Path absent = dir.resolve("absent.p12");
    assertEquals(3, run(out, Map.of("INS_PKCS12_PASSWORD", "pw"), "doctor", "--pkcs12", absent.toString()));
    assertTrue(out.toString().contains("--pkcs12: no such file: " + absent), out.toString());
    Path p12 = Files.write(dir.resolve("insi.p12"), new byte[] {1});
    StringBuilder secretFile = new StringBuilder();
    assertEquals(3, run(secretFile, Map.of(), "doctor", "--pkcs12", p12.toString(), "--password-file", "hunter2-pw"));
    assertTrue(secretFile.toString().contains("--password-file: the file cannot be read"), secretFile.toString());
    assertFalse(secretFile.toString().contains("hunter2"), secretFile.toString());
  }
}
