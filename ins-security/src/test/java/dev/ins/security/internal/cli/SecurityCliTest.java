package dev.ins.security.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityCliTest {
  private static final Map<String, String> ENV = Map.of("INS_KEY_PASSWORD", "cli-test-password");

  private record Result(int status, JsonNode json, String err) {}

  private static Result cli(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SecurityCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
    String text = out.toString(StandardCharsets.UTF_8).trim();
    JsonNode json = text.startsWith("{") ? new ObjectMapper().readTree(text) : null;
    return new Result(status, json, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void backup_createVerifyRestore_andTamperingExitsNonZeroSayingWhere(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    assertEquals(0, sign.status());
    Result rec = cli("keygen", "--type", "x25519", "--out", d + "rec.key");
    String signer = sign.json().get("publicKey").asText();
    Files.writeString(dir.resolve("plain.txt"), "synthetic export\n");
    Result create =
        cli("backup", "create", "--in", d + "plain.txt", "--out", d + "b.insb", "--signing-key", d + "sign.key",
            "--recipient", "practice:" + rec.json().get("publicKey").asText(), "--meta", "rows=1");
    assertEquals(0, create.status(), create.err());
    Result verify = cli("backup", "verify", "--in", d + "b.insb", "--signer", signer);
    assertEquals(0, verify.status());
    assertTrue(verify.json().get("intact").asBoolean());
    Result restore = cli("backup", "restore", "--in", d + "b.insb", "--out", d + "r.txt", "--signer", signer, "--recipient", "practice", "--key", d + "rec.key");
    assertEquals(0, restore.status());
    assertEquals("synthetic export\n", Files.readString(dir.resolve("r.txt")));

    byte[] b = Files.readAllBytes(dir.resolve("b.insb"));
    b[b.length / 2] ^= 1;
    Files.write(dir.resolve("t.insb"), b);
    Result bad = cli("backup", "verify", "--in", d + "t.insb", "--signer", signer);
    assertEquals(1, bad.status());
    assertFalse(bad.json().get("intact").asBoolean());
    assertTrue(bad.json().get("findings").get(0).asText().contains("offset"), bad.json().toString());
    Result badRestore = cli("backup", "restore", "--in", d + "t.insb", "--out", d + "r2.txt", "--signer", signer, "--recipient", "practice", "--key", d + "rec.key");
    assertEquals(1, badRestore.status());
    assertFalse(Files.exists(dir.resolve("r2.txt")), "nothing restored from a tampered backup");
  }

  @Test
  void audit_appendCheckpointVerify_andTamperingExitsNonZero(@TempDir Path dir) throws Exception {
    String d = dir.toString() + "/";
    Result sign = cli("keygen", "--type", "ed25519", "--out", d + "sign.key");
    for (int i = 0; i < 3; i++) {
      assertEquals(0, cli("audit", "append", "--log", d + "a.jsonl", "--actor", "user-" + i, "--action", "identity.read", "--outcome", "ok", "--detail", "n=" + i).status());
    }
    Result cp = cli("audit", "checkpoint", "--log", d + "a.jsonl", "--origin", "cab/audit", "--key-name", "cab", "--signing-key", d + "sign.key", "--out", d + "cp.txt");
    assertEquals(3, cp.json().get("size").asInt());
    String pk = sign.json().get("publicKey").asText();
    Result ok = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab", "--public-key", pk);
    assertEquals(0, ok.status(), ok.json().toString());
    String log = Files.readString(dir.resolve("a.jsonl"));
    Files.writeString(dir.resolve("a.jsonl"), log.substring(0, log.indexOf('\n') + 1));
    Result cut = cli("audit", "verify", "--log", d + "a.jsonl", "--checkpoint", d + "cp.txt", "--key-name", "cab", "--public-key", pk);
    assertEquals(1, cut.status());
    assertEquals("TRUNCATED", cut.json().get("findings").get(0).get("kind").asText());
  }

  @Test
  void usageErrors_exitTwo_andHelpListsEveryCommand() throws Exception {
    assertEquals(2, cli("nope").status());
    assertEquals(2, cli("backup", "verify", "--in").status());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, SecurityCli.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, ENV));
    for (String c : new String[] {"keygen", "backup create", "backup verify", "backup restore", "audit append", "audit checkpoint", "audit verify"}) {
      assertTrue(out.toString(StandardCharsets.UTF_8).contains(c), c);
    }
  }
}
