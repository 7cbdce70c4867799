package dev.ins.security.audit;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Proof that leaf {@code index} is in the Merkle tree of {@code treeSize} leaves (RFC 9162).
 *
 * <p>Text form, one token per line: {@code inclusion}, index, tree size, then one base64 hash per
 * line (at most 64). Equality is structural.
 *
 * <pre>{@code
 * InclusionProof p = InclusionProof.parse(text);
 * MerkleTree.verifyInclusion(leafHash, p, root);
 * }</pre>
 *
 * @param index the leaf index
 * @param treeSize the tree size
 * @param path the audit path, leaf to root
 */
public record InclusionProof(long index, long treeSize, List<byte[]> path) {

  /**
   * Validates and copies.
   *
   * @param index {@code 0 <= index < treeSize}
   * @param treeSize positive
   * @param path at most 64 hashes of 32 bytes
   */
  public InclusionProof {
    if (index < 0 || treeSize <= 0 || index >= treeSize) {
      throw new InsCryptoException(Code.MALFORMED, "inclusionProof.index", "need 0 <= index < treeSize");
    }
    path = ConsistencyProof.copyPath(path, "inclusionProof.path");
  }

  /**
   * Returns the text form.
   *
   * @return the text
   */
  public String format() {
    StringBuilder sb = new StringBuilder("inclusion\n").append(index).append('\n').append(treeSize).append('\n');
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
   * @throws InsCryptoException MALFORMED naming the line
   */
  public static InclusionProof parse(String text) {
    List<String> lines = ConsistencyProof.lines(text, "inclusion", "inclusionProof");
    long index = ConsistencyProof.number(lines.get(1), "inclusionProof.index");
    long size = ConsistencyProof.number(lines.get(2), "inclusionProof.treeSize");
    List<byte[]> path = new ArrayList<>();
    for (int i = 3; i < lines.size(); i++) {
      path.add(ConsistencyProof.hash(lines.get(i), "inclusionProof.path[" + (i - 3) + "]"));
    }
    return new InclusionProof(index, size, path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InclusionProof && ((InclusionProof) o).format().equals(format());
  }

  @Override
  public int hashCode() {
    return Objects.hash(format());
  }

  @Override
  public String toString() {
    return "InclusionProof[index=" + index + ", treeSize=" + treeSize + ", path=" + path.size() + " hashes]";
  }
}
