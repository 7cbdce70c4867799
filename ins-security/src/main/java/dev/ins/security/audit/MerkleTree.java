package dev.ins.security.audit;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.Primitives;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only Merkle tree with RFC 6962 / RFC 9162 hashing: leaf {@code SHA-256(0x00 || d)},
 * node {@code SHA-256(0x01 || left || right)}, and the RFC's inclusion and consistency proofs.
 *
 * <p>Holds only the 32-byte leaf hashes. Not thread-safe; {@link AuditLog} synchronizes. The static
 * {@code verify*} methods implement RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * <pre>{@code
 * MerkleTree t = new MerkleTree();
 * t.append("a".getBytes(UTF_8));
 * t.append("b".getBytes(UTF_8));
 * InclusionProof p = t.inclusionProof(0, 2);
 * boolean ok = MerkleTree.verifyInclusion(MerkleTree.leafHash("a".getBytes(UTF_8)), p, t.root());
 * }</pre>
 */
public final class MerkleTree {
  /** The hash length. */
  public static final int HASH = 32;

  private byte[] hashes = new byte[HASH * 64];
  private long size;

  /** Creates an empty tree. */
  public MerkleTree() {}

  /**
   * Hashes a leaf.
   *
   * @param data the leaf data
   * @return {@code SHA-256(0x00 || data)}
   */
  public static byte[] leafHash(byte[] data) {
    return Primitives.sha256(new byte[] {0}, data);
  }

  /**
   * Hashes an inner node.
   *
   * @param left the left child
   * @param right the right child
   * @return {@code SHA-256(0x01 || left || right)}
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return Primitives.sha256(new byte[] {1}, left, right);
  }

  /**
   * Appends a leaf.
   *
   * @param data the leaf data
   * @return the leaf's index
   */
  public long append(byte[] data) {
    return appendLeafHash(leafHash(data));
  }

  /**
   * Appends a precomputed leaf hash.
   *
   * @param leafHash 32 bytes
   * @return the leaf's index
   */
  public long appendLeafHash(byte[] leafHash) {
    if (leafHash.length != HASH) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    long need = (size + 1) * HASH;
    if (need > Integer.MAX_VALUE - 8) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "merkle.size", "tree too large for memory");
    }
    if (need > hashes.length) {
      hashes = Arrays.copyOf(hashes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, hashes.length * 2L)));
    }
    System.arraycopy(leafHash, 0, hashes, (int) (size * HASH), HASH);
    return size++;
  }

  /**
   * Returns the number of leaves.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Returns the hash of leaf {@code i}.
   *
   * @param i the index
   * @return 32 bytes
   */
  public byte[] leaf(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("leaf " + i + " of " + size);
    }
    return Arrays.copyOfRange(hashes, (int) (i * HASH), (int) (i * HASH + HASH));
  }

  /**
   * Returns the root of the whole tree.
   *
   * @return the root; for an empty tree, SHA-256 of the empty string
   */
  public byte[] root() {
    return root(size);
  }

  /**
   * Returns the root of the first {@code n} leaves.
   *
   * @param n 0..size
   * @return the root
   */
  public byte[] root(long n) {
    if (n < 0 || n > size) {
      throw new IndexOutOfBoundsException("tree size " + n + " of " + size);
    }
    if (n == 0) {
      return Primitives.sha256();
    }
    // Left-to-right stack of perfect subtrees, then fold right to left (RFC 6962 shape).
    List<byte[]> stack = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      byte[] h = leaf(i);
      long s = 1;
      while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == s) {
        h = nodeHash(stack.remove(stack.size() - 1), h);
        sizes.remove(sizes.size() - 1);
        s *= 2;
      }
      stack.add(h);
      sizes.add(s);
    }
    byte[] r = stack.get(stack.size() - 1);
    for (int i = stack.size() - 2; i >= 0; i--) {
      r = nodeHash(stack.get(i), r);
    }
    return r;
  }

  private byte[] mth(long from, long to) {
    long n = to - from;
    if (n == 1) {
      return leaf(from);
    }
    long k = largestPowerOfTwoBelow(n);
    return nodeHash(mth(from, from + k), mth(from + k, to));
  }

  private static long largestPowerOfTwoBelow(long n) {
    long k = Long.highestOneBit(n);
    return k == n ? k >>> 1 : k;
  }

  /**
   * Builds the inclusion proof of leaf {@code index} in the tree of the first {@code treeSize}
   * leaves (RFC 6962 PATH).
   *
   * @param index the leaf
   * @param treeSize the tree size, {@code index < treeSize <= size()}
   * @return the proof
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    if (treeSize > size || index < 0 || index >= treeSize) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "proof.index", "leaf " + index + " is not in a tree of size " + treeSize + " (log size " + size + ")");
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, treeSize, path);
    return new InclusionProof(index, treeSize, path);
  }

  private void path(long m, long from, long to, List<byte[]> out) {
    long n = to - from;
    if (n <= 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, from, from + k, out);
      out.add(mth(from + k, to));
    } else {
      path(m - k, from + k, to, out);
      out.add(mth(from, from + k));
    }
  }

  /**
   * Builds the consistency proof between the trees of sizes {@code first} and {@code second}
   * (RFC 6962 PROOF).
   *
   * @param first the older size, {@code 0 <= first <= second}
   * @param second the newer size, at most {@code size()}
   * @return the proof
   */
  public ConsistencyProof consistencyProof(long first, long second) {
    if (first < 0 || first > second || second > size) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "proof.size", "no consistency proof from " + first + " to " + second + " (log size " + size + ")");
    }
    List<byte[]> path = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, path);
    }
    return new ConsistencyProof(first, second, path);
  }

  private void subproof(long m, long from, long to, boolean b, List<byte[]> out) {
    long n = to - from;
    if (m == n) {
      if (!b) {
        out.add(mth(from, to));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, from, from + k, b, out);
      out.add(mth(from + k, to));
    } else {
      subproof(m - k, from + k, to, false, out);
      out.add(mth(from, from + k));
    }
  }

  /**
   * Verifies an inclusion proof (RFC 9162 §2.1.3.2).
   *
   * @param leafHash the leaf hash
   * @param proof the proof
   * @param root the root of the tree of {@code proof.treeSize()} leaves
   * @return whether the leaf is at {@code proof.index()} in that tree
   */
  public static boolean verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) {
    Objects.requireNonNull(proof, "proof == null");
    if (leafHash == null || root == null || leafHash.length != HASH || root.length != HASH) {
      return false;
    }
    long fn = proof.index();
    long sn = proof.treeSize() - 1;
    if (proof.index() < 0 || proof.index() >= proof.treeSize()) {
      return false;
    }
    byte[] r = leafHash;
    for (byte[] p : proof.path()) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Verifies a consistency proof (RFC 9162 §2.1.4.2): the tree of {@code proof.firstSize()}
   * leaves with root {@code firstRoot} is a prefix of the tree with root {@code secondRoot}.
   *
   * @param proof the proof
   * @param firstRoot the older root
   * @param secondRoot the newer root
   * @return whether the older tree is a prefix of the newer one
   */
  public static boolean verifyConsistency(ConsistencyProof proof, byte[] firstRoot, byte[] secondRoot) {
    Objects.requireNonNull(proof, "proof == null");
    if (firstRoot == null || secondRoot == null || firstRoot.length != HASH || secondRoot.length != HASH) {
      return false;
    }
    long first = proof.firstSize();
    long second = proof.secondSize();
    List<byte[]> path = proof.path();
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      return path.isEmpty();
    }
    if (path.isEmpty()) {
      return false;
    }
    List<byte[]> p = new ArrayList<>(path);
    if (Long.bitCount(first) == 1) {
      p.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = p.get(0);
    byte[] sr = p.get(0);
    for (int i = 1; i < p.size(); i++) {
      byte[] c = p.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }
}
