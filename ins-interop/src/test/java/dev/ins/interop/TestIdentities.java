package dev.ins.interop;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import java.time.Instant;
import java.time.LocalDate;

/** Published test identities shared by this module's tests. */
public final class TestIdentities {

  private TestIdentities() {}

  /**
   * PAT-TROIS DOMINIQUE MARIE-LOUISE, the ANS test patient (test OID .10), qualified.
   *
   * @return a QUAL identity
   */
  public static Identity patTrois() {
    Traits t = Traits.of(BirthName.of("PAT-TROIS"), FirstNames.of("DOMINIQUE MARIE-LOUISE"),
        BirthDate.of(LocalDate.of(1979, 3, 28)), Sex.FEMALE, BirthplaceCode.of("51215"));
    return Identity.builder().traits(t).ins(InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10"))
        .status(IdentityStatus.QUAL).validation(ValidationMode.NATIONAL_ID_CARD, LocalDate.of(2026, 1, 15))
        .collectionMethod(CollectionMethod.INSI).lastInsiCall(Instant.parse("2026-01-15T10:00:00Z")).build();
  }
}
