package dev.ins.security.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.security.Argon2Params;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.internal.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityCliTest {
  private static final String PASSWORD = "cli-test-password";
  private static final Map<String, String> ENV = Map.of("INS_KEY_PASSWORD", PASSWORD, "OTHER_VAR", PASSWORD);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private record Result(int status, JsonNode json, String out, String err) {}

  private static Result cli(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SecurityCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ENV, args);
    String text = out.toString(StandardCharsets.UTF_8).trim();
    JsonNode json = text.startsWith("{") ? new ObjectMapper().readTree(text) : null;
    return new Result(status, json, text, err.toString(StandardCharsets.UTF_8));
  }

  private static String errorCode(Result r) {
    return r.json().get("error").get("code").asText();
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void backup_createVerifyRestore_andTamperingExitsOneSayingWhere(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    assertEquals(0, sign.status(), sign.out());
    Result rec = cli("keygen", "--type", "x25519", "--out", d + "rec.key");
    String signer = sign.json().get("publicKey").asText();
    Files.writeString(dir.resolve("plain.txt"), "synthetic export\n");
    Result create = cli("backup", "create", "--in", d + "plain.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
        "--recipient", "practice:" + rec.json().get("publicKey").asText(), "--meta", "rows=1");
    assertEquals(0, create.status(), create.out() + create.err());
    Result verify = cli("backup", "verify", "--in", d + "b.insb", "--signer", signer);
    assertEquals(0, verify.status());
    assertTrue(verify.json().get("intact").asBoolean());
    Result restore = cli("backup", "restore", "--in", d + "b.insb", "--out", d + "r.txt", "--signer", signer,
        "--recipient", "practice", "--key", d + "rec.key");
    assertEquals(0, restore.status(), restore.out());
    assertEquals("synthetic export\n", Files.readString(dir.resolve("r.txt")));

    byte[] b = Files.readAllBytes(dir.resolve("b.insb"));
    b[b.length / 2] ^= 1;
    Files.write(dir.resolve("t.insb"), b);
    Result bad = cli("backup", "verify", "--in", d + "t.insb", "--signer", signer);
    assertEquals(1, bad.status());
    assertFalse(bad.json().get("intact").asBoolean());
    assertTrue(bad.json().get("findings").get(0).asText().contains("offset"), bad.out());
    List<Path> before = list(dir);
    Result badRestore = cli("backup", "restore", "--in", d + "t.insb", "--out", d + "r2.txt", "--signer", signer,
        "--recipient", "practice", "--key", d + "rec.key");
    assertEquals(1, badRestore.status());
    assertEquals(before, list(dir), "nothing restored from a tampered backup, nothing left behind");

    Result again = cli("backup", "restore", "--in", d + "b.insb", "--out", d + "r.txt", "--signer", signer,
        "--recipient", "practice", "--key", d + "rec.key");
    assertEquals(6, again.status(), "an existing --out is never replaced");
    assertEquals("OUTPUT_EXISTS", errorCode(again));
  }

  @Test
  void keygen_createsTheKeyFile0600_andNeverOverwritesIt(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("k.key");
    assertEquals(0, cli("keygen", "--type", "aes-256-gcm", "--out", key.toString()).status());
    if (POSIX) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
    byte[] first = Files.readAllBytes(key);
    Result again = cli("keygen", "--type", "aes-256-gcm", "--out", key.toString());
    assertEquals(6, again.status());
    assertEquals("OUTPUT_EXISTS", errorCode(again));
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(key)));
  }

  @Test
  void backupCreate_thatFails_leavesNothingAtOut(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    Result rec = cli("keygen", "--type", "x25519", "--out", d + "rec.key");
    Files.createDirectory(dir.resolve("not-a-file"));
    List<Path> before = list(dir);
    for (String in : new String[] {d + "not-a-file", "/dev/zero", d + "missing.csv"}) {
      Result r = cli("backup", "create", "--in", in, "--out", d + "b.insb", "--signing-key", d + "sign.key",
          "--recipient", "practice:" + rec.json().get("publicKey").asText());
      assertEquals(3, r.status(), in + ": " + r.out());
      assertTrue(r.json().get("error").get("message").asText().contains("option '--in'"), r.out());
      assertEquals(before, list(dir), in + ": nothing at --out, no hidden part file");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--key", "--password-file"})
  void anEndlessInputFile_isRefusedWithAClearError(String option, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    cli("keygen", "--type", "x25519", "--out", d + "rec.key");
    Files.writeString(dir.resolve("plain.txt"), "synthetic\n");
    cli("backup", "create", "--in", d + "plain.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
        "--recipient", "practice:" + cli("keygen", "--type", "x25519", "--out", d + "r2.key").json().get("publicKey").asText());
    String key = option.equals("--key") ? "/dev/zero" : d + "rec.key";
    Result r = option.equals("--key")
        ? cli("backup", "restore", "--in", d + "b.insb", "--out", d + "r.txt", "--signer", sign.json().get("publicKey").asText(),
            "--recipient", "practice", "--key", key)
        : cli("backup", "restore", "--in", d + "b.insb", "--out", d + "r.txt", "--signer", sign.json().get("publicKey").asText(),
            "--recipient", "practice", "--key", key, "--password-file", "/dev/zero");
    assertEquals(3, r.status(), r.out());
    assertEquals("FILE_TOO_LARGE", errorCode(r));
    assertTrue(r.json().get("error").get("message").asText().startsWith("option '" + option + "'"), r.out());
  }

  @Test
  void anEndlessCheckpointFile_isRefusedWithAClearError(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    Result r = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", "/dev/zero", "--key-name", "cab",
        "--public-key", sign.json().get("publicKey").asText());
    assertEquals(3, r.status(), r.out());
    assertEquals("option '--checkpoint': /dev/zero is larger than 65536 bytes (not read)",
        r.json().get("error").get("message").asText());
  }

  @Test
  void aPlantedKeyFileWithAHugeArgon2Cost_isRefusedAtOnce(@TempDir Path dir) throws Exception {
    byte[] sealed = KeysetVault.sealWithPassword(Keyset.generate(KeyType.X25519), PASSWORD.toCharArray(),
        Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 1, 1));
    ByteBuffer.wrap(sealed, 6, 8).putInt(Argon2Params.MAX_MEMORY_KIB).putInt(16);
    Path planted = Files.write(dir.resolve("planted.key"), sealed);
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    Files.writeString(dir.resolve("p.txt"), "x");
    cli("backup", "create", "--in", d + "p.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
        "--recipient", "practice:" + cli("keygen", "--type", "x25519", "--out", d + "r.key").json().get("publicKey").asText());
    Result r = cli("backup", "restore", "--in", d + "b.insb", "--out", d + "out.txt", "--signer",
        sign.json().get("publicKey").asText(), "--recipient", "practice", "--key", planted.toString());
    assertEquals(5, r.status(), r.out());
    assertEquals(InsCryptoException.Code.POLICY_VIOLATION.name(), errorCode(r));
    assertTrue(r.out().contains("above the opening limit"), r.out());
  }

  @Test
  void wrongPassword_isRefusedWithExitFive(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    Files.writeString(dir.resolve("pw"), "not the password\n");
    Files.writeString(dir.resolve("p.txt"), "x");
    Result r = cli("backup", "create", "--in", d + "p.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
        "--recipient", "practice:" + cli("keygen", "--type", "x25519", "--out", d + "r.key").json().get("publicKey").asText(),
        "--password-file", d + "pw");
    assertEquals(5, r.status(), r.out());
    assertEquals("DECRYPTION_FAILED", errorCode(r));
    assertFalse(Files.exists(dir.resolve("b.insb")));
  }

  @Test
  void labelsAndMetadataTheManifestRefuses_areUsageErrorsWithoutATrace(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    String rec = "practice:" + cli("keygen", "--type", "x25519", "--out", d + "r.key").json().get("publicKey").asText();
    Files.writeString(dir.resolve("p.txt"), "x");
    String[][] bad = {
      {"--label", "export 279035121518989"},
      {"--label", "x".repeat(129)},
      {"--meta", "patient=2 79 03 51 215 189 89"},
      {"--meta", "k=" + "v".repeat(257)},
    };
    for (String[] opt : bad) {
      Result r = cli("backup", "create", "--in", d + "p.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
          "--recipient", rec, opt[0], opt[1]);
      assertEquals(2, r.status(), opt[0] + ": " + r.out());
      assertEquals("USAGE", errorCode(r));
      assertTrue(r.json().get("error").get("message").asText().startsWith("option '" + opt[0] + "'"), r.out());
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
      assertFalse(r.out().contains("279035121518989") || r.out().contains("2 79 03"), "the value is not echoed");
      assertFalse(Files.exists(dir.resolve("b.insb")));
    }
  }

  @Test
  void secrets_areNeverEchoed_evenInTheWrongPlace(@TempDir Path dir) throws Exception {
    String secret = "S3cret-Passw0rd!";
    String d = dir.toString() + "/";
    Result[] runs = {
      cli("keygen", "--type", "ed25519", "--out", d + "a.key", "--password-env", secret),
      cli("keygen", "--type", "ed25519", "--out", d + "b.key", "--password-file", secret),
      cli("keygen", "--type", "ed25519", "--out", d + "c.key", secret),
      cli("keygen", "--type", "ed25519", "--out", d + "d.key", "--password=" + secret),
      cli("keygen", "--type", "ed25519", "--out", d + "e.key", "--password-env", "UNSET_SECRET_NAME"),
    };
    int[] expected = {2, 3, 2, 2, 3};
    for (int i = 0; i < runs.length; i++) {
      assertEquals(expected[i], runs[i].status(), runs[i].out());
      assertFalse(runs[i].out().contains("S3cret") || runs[i].err().contains("S3cret"), runs[i].out() + runs[i].err());
    }
    assertFalse(runs[4].out().contains("UNSET_SECRET_NAME"), "a variable name given on the line is not shown either");
    assertTrue(runs[0].out().contains("takes the NAME of an environment variable"), runs[0].out());
    assertEquals(List.of(), list(dir), "no key file written");
    assertEquals(0, cli("keygen", "--type", "ed25519", "--out", d + "f.key", "--password-env", "OTHER_VAR").status());
  }

  @Test
  void missingFiles_areNamed(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such.key");
    String signer = cli("keygen", "--type", "ed25519", "--out", dir.resolve("s.key").toString()).json()
        .get("publicKey").asText();
    Result r = cli("backup", "restore", "--in", dir.resolve("no.insb").toString(), "--out", dir.resolve("o").toString(),
        "--signer", signer, "--recipient", "p", "--key", missing.toString());
    assertEquals(3, r.status(), r.out());
    assertEquals("FILE_NOT_FOUND", errorCode(r));
    assertTrue(r.out().contains("option '--in': " + dir.resolve("no.insb") + ": no such file"), r.out());
    Files.writeString(dir.resolve("no.insb"), "x");
    Result key = cli("backup", "restore", "--in", dir.resolve("no.insb").toString(), "--out", dir.resolve("o").toString(),
        "--signer", signer, "--recipient", "p", "--key", missing.toString());
    assertEquals(3, key.status(), key.out());
    assertTrue(key.out().contains("option '--key': " + missing + ": no such file"), key.out());
  }

  @Test
  void audit_appendCheckpointVerify_andTamperingExitsOne(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    for (int i = 0; i < 3; i++) {
      assertEquals(0, cli("audit", "append", "--log", d + "a.jsonl", "--actor", "user-" + i, "--action", "identity.read",
          "--outcome", "ok", "--detail", "n=" + i).status());
    }
    Result cp = cli("audit", "checkpoint", "--log", d + "a.jsonl", "--origin", "cab/audit", "--key-name", "cab",
        "--signing-key", d + "sign.key", "--out", d + "cp.txt");
    assertEquals(3, cp.json().get("size").asInt(), cp.out());
    String pk = sign.json().get("publicKey").asText();
    Result ok = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab",
        "--public-key", pk);
    assertEquals(0, ok.status(), ok.out());
    String log = Files.readString(dir.resolve("a.jsonl"));
    Files.writeString(dir.resolve("a.jsonl"), log.substring(0, log.indexOf('\n') + 1));
    Result cut = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab",
        "--public-key", pk);
    assertEquals(1, cut.status());
    assertEquals("TRUNCATED", cut.json().get("findings").get(0).get("kind").asText());
  }

  @Test
  void auditVerify_reportsTheUncoveredTailWithItsCount_andPinsTheOrigin(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    String pk = cli("keygen", "--type", "ed25519", "--out", d + "sign.key").json().get("publicKey").asText();
    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    cli("audit", "checkpoint", "--log", d + "a.jsonl", "--origin", "cab/audit", "--key-name", "cab",
        "--signing-key", d + "sign.key", "--out", d + "cp.txt");
    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    Result r = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab",
        "--public-key", pk, "--origin", "cab/audit");
    assertEquals(0, r.status(), r.out());
    assertEquals(2, r.json().get("uncoveredEntries").asInt(), r.out());
    JsonNode tail = r.json().get("findings").get(0);
    assertEquals("UNCOVERED_TAIL", tail.get("kind").asText());
    assertEquals(2, tail.get("count").asInt());
    Result other = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab",
        "--public-key", pk, "--origin", "another/audit");
    assertEquals(1, other.status(), other.out());
    assertEquals("ORIGIN_MISMATCH", other.json().get("findings").get(0).get("kind").asText());
  }

  @Test
  void auditCheckpoint_onAMissingLogRefuses_andOutIsNeverOverwrittenSilently(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    Result missing = cli("audit", "checkpoint", "--log", d + "typo.jsonl", "--origin", "cab/audit", "--key-name", "cab",
        "--signing-key", d + "sign.key", "--out", d + "cp.txt");
    assertEquals(3, missing.status(), missing.out());
    assertTrue(missing.out().contains("never creates a log"), missing.out());
    assertFalse(Files.exists(dir.resolve("typo.jsonl")), "no empty log created");
    assertFalse(Files.exists(dir.resolve("cp.txt")));

    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    String[] checkpoint = {"audit", "checkpoint", "--log", d + "a.jsonl", "--origin", "cab/audit", "--key-name", "cab",
        "--signing-key", d + "sign.key", "--out", d + "cp.txt"};
    assertEquals(0, cli(checkpoint).status());
    String first = Files.readString(dir.resolve("cp.txt"));
    cli("audit", "append", "--log", d + "a.jsonl", "--actor", "u", "--action", "identity.read", "--outcome", "ok");
    Result exists = cli(checkpoint);
    assertEquals(6, exists.status(), exists.out());
    assertEquals(first, Files.readString(dir.resolve("cp.txt")));
    String[] replace = java.util.Arrays.copyOf(checkpoint, checkpoint.length + 1);
    replace[checkpoint.length] = "--replace";
    Result replaced = cli(replace);
    assertEquals(0, replaced.status(), replaced.out());
    assertEquals(2, replaced.json().get("size").asInt());
    assertFalse(first.equals(Files.readString(dir.resolve("cp.txt"))));
  }

  @Test
  void usage_helpOnEachCommand_andUnknownOptionsRefused() throws Exception {
    assertEquals(2, cli("nope").status());
    assertEquals(2, cli().status(), "a command is required");
    assertEquals(2, cli("backup").status(), "backup needs a subcommand");
    assertEquals(2, cli("backup", "verify", "--in").status());
    Result typo = cli("backup", "verify", "--in", "x", "--signer", "y", "--singer", "z");
    assertEquals(2, typo.status());
    assertTrue(typo.out().contains("unknown option '--singer'"), typo.out());
    Result help = cli("--help");
    assertEquals(0, help.status());
    for (String c : new String[] {"keygen", "backup", "audit"}) {
      assertTrue(help.out().contains(c), c);
    }
    for (String[] sub : new String[][] {{"keygen"}, {"backup", "create"}, {"backup", "verify"}, {"backup", "restore"},
        {"audit", "append"}, {"audit", "checkpoint"}, {"audit", "verify"}}) {
      String[] args = java.util.Arrays.copyOf(sub, sub.length + 1);
      args[sub.length] = "--help";
      Result r = cli(args);
      assertEquals(0, r.status(), String.join(" ", args));
      assertTrue(r.out().startsWith("Usage: ins-security " + String.join(" ", sub)), r.out());
    }
    assertTrue(cli("--version").out().contains("ins-sdk"));
  }

  /** From cron, LANG=C: a non-ASCII path names the option and the fix instead of a stack trace. */
  @Test
  void nonAsciiPathUnderLangC_namesTheOptionAndTheFix(@TempDir Path dir) throws Exception {
    Path stderr = Files.createTempFile("lang-c", ".err");
    Process p = ChildJvm.start(Map.of("LANG", "C", "LC_ALL", "C", "INS_KEY_PASSWORD", PASSWORD), stderr,
        SecurityCli.class, "keygen", "--type", "ed25519", "--out", dir.resolve("clé-praticien.key").toString());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(stderr);
    Files.delete(stderr);
    assertEquals(2, p.exitValue(), out + err);
    assertTrue(out.contains("option '--out': the path cannot be represented in this system's file-name encoding"), out);
    assertTrue(out.contains("LANG=C.UTF-8"), out);
    assertFalse(err.contains("InvalidPathException") || err.contains("\tat "), err);
    assertEquals(List.of(), list(dir));
  }
}
