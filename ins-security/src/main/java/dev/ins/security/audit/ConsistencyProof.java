package dev.ins.security.audit;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Proof that the Merkle tree of {@code firstSize} leaves is a prefix of the tree of
 * {@code secondSize} leaves (RFC 9162): nothing was removed, changed or reordered in between.
 *
 * <p>Text form: {@code consistency}, first size, second size, then one base64 hash per line (at
 * most 64). Equality is structural.
 *
 * <pre>{@code
 * ConsistencyProof p = log.consistencyProof(saved.size(), log.size());
 * MerkleTree.verifyConsistency(p, saved.root(), log.root());
 * }</pre>
 *
 * @param firstSize the older tree size
 * @param secondSize the newer tree size
 * @param path the proof hashes
 */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

  /**
   * Validates and copies.
   *
   * @param firstSize {@code 0 <= firstSize <= secondSize}
   * @param secondSize the newer size
   * @param path at most 64 hashes of 32 bytes
   */
  public ConsistencyProof {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new InsCryptoException(Code.MALFORMED, "consistencyProof.size", "need 0 <= firstSize <= secondSize");
    }
    path = copyPath(path, "consistencyProof.path");
  }

  static List<byte[]> copyPath(List<byte[]> path, String field) {
    Objects.requireNonNull(path, "path == null");
    if (path.size() > 64) {
      throw new InsCryptoException(Code.MALFORMED, field, "more than 64 hashes");
    }
    List<byte[]> out = new ArrayList<>();
    for (byte[] h : path) {
      if (h == null || h.length != MerkleTree.HASH) {
        throw new InsCryptoException(Code.MALFORMED, field, "every hash must be 32 bytes");
      }
      out.add(h.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the hashes (copies).
   *
   * @return the path
   */
  @Override
  public List<byte[]> path() {
    List<byte[]> out = new ArrayList<>();
    path.forEach(h -> out.add(h.clone()));
    return out;
  }

  /**
   * Returns the text form.
   *
   * @return the text
   */
  public String format() {
    StringBuilder sb = new StringBuilder("consistency\n").append(firstSize).append('\n').append(secondSize).append('\n');
    for (byte[] h : path) {
      sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses the text form strictly.
   *
   * @param text the text
   * @return the proof
   */
  public static ConsistencyProof parse(String text) {
    List<String> lines = lines(text, "consistency", "consistencyProof");
    long first = number(lines.get(1), "consistencyProof.firstSize");
    long second = number(lines.get(2), "consistencyProof.secondSize");
    List<byte[]> path = new ArrayList<>();
    for (int i = 3; i < lines.size(); i++) {
      path.add(hash(lines.get(i), "consistencyProof.path[" + (i - 3) + "]"));
    }
    return new ConsistencyProof(first, second, path);
  }

  static List<String> lines(String text, String kind, String field) {
    if (text == null || text.length() > 8192 || !text.endsWith("\n")) {
      throw new InsCryptoException(Code.MALFORMED, field, "expected newline-terminated text of at most 8192 chars");
    }
    List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
    if (lines.size() < 3 || !lines.get(0).equals(kind)) {
      throw new InsCryptoException(Code.MALFORMED, field, "expected '" + kind + "', two sizes and hashes");
    }
    return lines;
  }

  static long number(String s, String field) {
    if (!s.matches("0|[1-9][0-9]{0,18}")) {
      throw new InsCryptoException(Code.MALFORMED, field, "not a canonical decimal number");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InsCryptoException(Code.MALFORMED, field, "larger than 2^63-1", e);
    }
  }

  static byte[] hash(String s, String field) {
    if (s.length() != 44) {
      throw new InsCryptoException(Code.MALFORMED, field, "expected 44 base64 characters");
    }
    try {
      byte[] h = Base64.getDecoder().decode(s);
      if (h.length != 32 || !Base64.getEncoder().encodeToString(h).equals(s)) {
        throw new InsCryptoException(Code.MALFORMED, field, "not a canonical 32-byte base64 hash");
      }
      return h;
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, field, "not base64", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsistencyProof && ((ConsistencyProof) o).format().equals(format());
  }

  @Override
  public int hashCode() {
    return Objects.hash(format());
  }

  @Override
  public String toString() {
    return "ConsistencyProof[" + firstSize + " -> " + secondSize + ", path=" + path.size() + " hashes]";
  }
}
