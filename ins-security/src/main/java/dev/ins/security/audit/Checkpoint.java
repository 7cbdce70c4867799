package dev.ins.security.audit;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.Primitives;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signed checkpoint of the audit log: origin, tree size and root hash, signed with Ed25519 in
 * the C2SP tlog-checkpoint / signed-note text format.
 *
 * <p>Text form: {@code <origin>\n<size>\n<base64 root>\n\n— <key name> <base64(key hash(4) ||
 * signature(64))>\n}, where the key hash is the first 4 bytes of {@code SHA-256(name || "\n" ||
 * 0x01 || public key)}. Keep copies off the host (the vendor's cloud, an e-mail to the practice):
 * a saved checkpoint is what lets {@link AuditVerifier} detect truncation and rewriting.
 *
 * <pre>{@code
 * Checkpoint cp = log.checkpoint("cabinet-42.example/audit", "cabinet-42", signingKey);
 * Files.writeString(path, cp.format());
 * Checkpoint back = Checkpoint.parse(Files.readString(path));
 * boolean ok = back.verify("cabinet-42", publicKey);
 * }</pre>
 *
 * @param origin the log's unique name, printable ASCII without spaces at the ends, 1..128 chars
 * @param size the number of entries
 * @param root the 32-byte Merkle root
 * @param keyName the signer's name, {@code [A-Za-z0-9._+-]{1,64}}
 * @param signature key hash (4 bytes) followed by the 64-byte Ed25519 signature
 */
public record Checkpoint(String origin, long size, byte[] root, String keyName, byte[] signature) {
  private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]{0,126}[\\x21-\\x7e]|[\\x21-\\x7e]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
  private static final String DASH = "\u2014 ";

  /**
   * Validates and copies.
   *
   * @param origin see the record doc
   * @param size non-negative
   * @param root 32 bytes
   * @param keyName see the record doc
   * @param signature 68 bytes
   */
  public Checkpoint {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw bad("origin", "must be 1..128 printable ASCII characters");
    }
    if (size < 0) {
      throw bad("size", "must not be negative");
    }
    if (root == null || root.length != 32) {
      throw bad("root", "must be 32 bytes");
    }
    if (keyName == null || !NAME.matcher(keyName).matches()) {
      throw bad("keyName", "must match [A-Za-z0-9._+-]{1,64}");
    }
    if (signature == null || signature.length != 68) {
      throw bad("signature", "must be 4 + 64 bytes");
    }
    root = root.clone();
    signature = signature.clone();
  }

  private static InsCryptoException bad(String field, String msg) {
    return new InsCryptoException(Code.MALFORMED, "checkpoint." + field, msg);
  }

  /**
   * Signs a checkpoint.
   *
   * @param origin the log's name
   * @param size the tree size
   * @param root the root
   * @param keyName the signer's name
   * @param key the signing key
   * @return the signed checkpoint
   */
  public static Checkpoint sign(String origin, long size, byte[] root, String keyName, Ed25519SigningKey key) {
    byte[] sig = new byte[68];
    Checkpoint unsigned = new Checkpoint(origin, size, root, keyName, sig);
    System.arraycopy(keyHash(keyName, key.publicKey()), 0, sig, 0, 4);
    System.arraycopy(key.sign(unsigned.body().getBytes(StandardCharsets.UTF_8)), 0, sig, 4, 64);
    return new Checkpoint(origin, size, root, keyName, sig);
  }

  static byte[] keyHash(String name, Ed25519PublicKey key) {
    byte[] h = Primitives.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 1}, key.encoded());
    return Arrays.copyOf(h, 4);
  }

  /**
   * Returns the signed body: origin, size and base64 root, each newline-terminated.
   *
   * @return the body text
   */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  /**
   * Verifies the signature under an expected signer.
   *
   * @param expectedKeyName the signer name the verifier trusts
   * @param key the signer's public key
   * @return whether the name, key hash and signature all match
   */
  public boolean verify(String expectedKeyName, Ed25519PublicKey key) {
    if (!keyName.equals(expectedKeyName)) {
      return false;
    }
    if (!Arrays.equals(Arrays.copyOf(signature, 4), keyHash(keyName, key))) {
      return false;
    }
    return key.verify(body().getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, 68));
  }

  /**
   * Returns the signed-note text.
   *
   * @return the text
   */
  public String format() {
    return body() + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /**
   * Parses the signed-note text strictly (one signature line).
   *
   * @param text the text
   * @return the checkpoint (signature not yet verified)
   * @throws InsCryptoException MALFORMED naming the line
   */
  public static Checkpoint parse(String text) {
    if (text == null || text.length() > 4096 || !text.endsWith("\n")) {
      throw bad("text", "expected newline-terminated text of at most 4096 chars");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 5 || !lines[3].isEmpty()) {
      throw bad("text", "expected origin, size, root, a blank line and one signature line");
    }
    long size = ConsistencyProof.number(lines[1], "checkpoint.size");
    byte[] root = ConsistencyProof.hash(lines[2], "checkpoint.root");
    if (!lines[4].startsWith(DASH)) {
      throw bad("signatureLine", "must start with an em dash and a space");
    }
    String[] sig = lines[4].substring(DASH.length()).split(" ", -1);
    if (sig.length != 2) {
      throw bad("signatureLine", "expected '<name> <base64>'");
    }
    byte[] s;
    try {
      s = Base64.getDecoder().decode(sig[1]);
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, "checkpoint.signature", "not base64", e);
    }
    Checkpoint cp = new Checkpoint(lines[0], size, root, sig[0], s);
    if (!cp.format().equals(text)) {
      throw bad("text", "not in canonical form");
    }
    return cp;
  }

  /**
   * Returns a copy of the root.
   *
   * @return 32 bytes
   */
  @Override
  public byte[] root() {
    return root.clone();
  }

  /**
   * Returns a copy of the signature bytes.
   *
   * @return 68 bytes
   */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint && ((Checkpoint) o).format().equals(format());
  }

  @Override
  public int hashCode() {
    return Objects.hash(format());
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", size=" + size + "]";
  }
}
