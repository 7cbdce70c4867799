package dev.ins.security.audit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import java.util.Arrays;
import java.util.List;

/** Audit entries, checkpoints, proofs and whole logs: any input gives a value, a report or a typed error. */
class AuditFormatsFuzzTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();

  @FuzzTest(maxDuration = "15s")
  void auditEntry_parsesOrFailsTyped(FuzzedDataProvider data) {
    byte[] b = data.consumeRemainingAsBytes();
    try {
      AuditEntry e = AuditEntry.parse(b);
      if (!Arrays.equals(e.toCanonicalJson(), b)) {
        throw new AssertionError("round trip broken");
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }

  @FuzzTest(maxDuration = "15s")
  void checkpoint_parsesOrFailsTyped(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      Checkpoint cp = Checkpoint.parse(s);
      if (!cp.format().equals(s)) {
        throw new AssertionError("round trip broken");
      }
      cp.verify(cp.keyName(), KEY.publicKey());
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }

  @FuzzTest(maxDuration = "15s")
  void proofs_parseOrFailTyped_andVerifyNeverThrows(FuzzedDataProvider data) {
    byte[] leaf = data.consumeBytes(32);
    byte[] root = data.consumeBytes(32);
    boolean inclusion = data.consumeBoolean();
    String s = data.consumeRemainingAsString();
    try {
      if (inclusion) {
        InclusionProof p = InclusionProof.parse(s);
        if (!p.format().equals(s)) {
          throw new AssertionError("round trip broken");
        }
        MerkleTree.verifyInclusion(leaf, p, root);
      } else {
        ConsistencyProof p = ConsistencyProof.parse(s);
        if (!p.format().equals(s)) {
          throw new AssertionError("round trip broken");
        }
        MerkleTree.verifyConsistency(p, leaf, root);
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }

  @FuzzTest(maxDuration = "15s")
  void wholeLog_givesAReport(FuzzedDataProvider data) {
    byte[] log = data.consumeRemainingAsBytes();
    Checkpoint cp = Checkpoint.sign("o", 1, new byte[32], "k", KEY);
    AuditReport r = AuditVerifier.verify(log, List.of(cp), "k", KEY.publicKey());
    if (r.intact()) {
      throw new AssertionError("random log matched a checkpoint of an all-zero root");
    }
  }
}
