package dev.ins.security.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleTreeTest {
  static LongStream seeds() {
    return Seeds.stream(40);
  }

  /** RFC 6962 reference MTH, written straight from the definition. */
  private static byte[] mth(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return dev.ins.security.internal.Primitives.sha256();
    }
    if (n == 1) {
      return MerkleTree.leafHash(leaves.get(from));
    }
    int k = Integer.highestOneBit(n - 1);
    return MerkleTree.nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
  }

  @Test
  void knownRoots_matchTheRfc6962TestTree() {
    // The 8-leaf tree used by RFC 6962 implementations' tests (certificate-transparency, Trillian).
    String[] leaves = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};
    String[] roots = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < leaves.length; i++) {
      t.append(HexFormat.of().parseHex(leaves[i]));
      assertEquals(roots[i], HexFormat.of().formatHex(t.root()), "size " + (i + 1));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void proofs_verify_andAnyMutationFails(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(70);
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < n; i++) {
      byte[] d = ("leaf-" + seed + "-" + i).getBytes(UTF_8);
      leaves.add(d);
      t.append(d);
    }
    assertArrayEquals(mth(leaves, 0, n), t.root(), Seeds.describe(seed));
    int size = 1 + r.nextInt(n);
    int index = r.nextInt(size);
    byte[] root = t.root(size);
    assertArrayEquals(mth(leaves, 0, size), root, Seeds.describe(seed));
    InclusionProof p = t.inclusionProof(index, size);
    byte[] leaf = MerkleTree.leafHash(leaves.get(index));
    assertTrue(MerkleTree.verifyInclusion(leaf, p, root), Seeds.describe(seed));
    assertEquals(p, InclusionProof.parse(p.format()), Seeds.describe(seed));
    if (size > 1) {
      assertFalse(MerkleTree.verifyInclusion(MerkleTree.leafHash(leaves.get((index + 1) % size)), p, root), "wrong leaf " + Seeds.describe(seed));
      assertFalse(MerkleTree.verifyInclusion(leaf, new InclusionProof((index + 1) % size, size, p.path()), root), "wrong index " + Seeds.describe(seed));
      List<byte[]> mutated = p.path();
      int j = r.nextInt(mutated.size());
      mutated.get(j)[r.nextInt(32)] ^= 1;
      assertFalse(MerkleTree.verifyInclusion(leaf, new InclusionProof(index, size, mutated), root), "mutated " + Seeds.describe(seed));
      List<byte[]> shorter = p.path().subList(0, p.path().size() - 1);
      assertFalse(MerkleTree.verifyInclusion(leaf, new InclusionProof(index, size, shorter), root), "shortened " + Seeds.describe(seed));
    }
    int first = r.nextInt(size + 1);
    ConsistencyProof c = t.consistencyProof(first, size);
    assertTrue(MerkleTree.verifyConsistency(c, t.root(first), root), Seeds.describe(seed));
    assertEquals(c, ConsistencyProof.parse(c.format()), Seeds.describe(seed));
    if (first > 0 && first < size) {
      byte[] bad = t.root(first);
      bad[0] ^= 1;
      assertFalse(MerkleTree.verifyConsistency(c, bad, root), "bad first root " + Seeds.describe(seed));
      List<byte[]> mutated = c.path();
      mutated.get(r.nextInt(mutated.size()))[r.nextInt(32)] ^= 1;
      assertFalse(MerkleTree.verifyConsistency(new ConsistencyProof(first, size, mutated), t.root(first), root), "mutated " + Seeds.describe(seed));
    }
  }

  @Test
  void consistency_emptyPathForDifferentSizes_fails() {
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < 5; i++) {
      t.append(new byte[] {(byte) i});
    }
    assertFalse(MerkleTree.verifyConsistency(new ConsistencyProof(3, 5, List.of()), t.root(3), t.root(5)));
    assertFalse(MerkleTree.verifyConsistency(new ConsistencyProof(5, 5, List.of()), t.root(3), t.root(5)));
  }
}
