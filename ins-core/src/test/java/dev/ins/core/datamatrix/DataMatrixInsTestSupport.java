package dev.ins.core.datamatrix;

import dev.ins.core.Identity;
import dev.ins.core.IdentityStatus;

/** Shares the PAT-TROIS identity (ins-domain.md §5 and §6.3) with the other interop tests. */
public final class DataMatrixInsTestSupport {

  private DataMatrixInsTestSupport() {}

  /**
   * PAT-TROIS DOMINIQUE MARIE-LOUISE, F, 1979-03-28, 51215, test OID, qualified.
   *
   * @return the identity
   */
  public static Identity patTroisQualified() {
    return DataMatrixInsTest.patTrois(IdentityStatus.QUAL);
  }
}
