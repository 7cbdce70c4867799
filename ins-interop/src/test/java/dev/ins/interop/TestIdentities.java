package dev.ins.interop;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsIdentifier;
import dev.ins.core.RetrievalReview;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Published test identities shared by this module's tests, made the way the RNIV makes them: a
 * provisional identity, an INSi answer confirmed by a COHERENT strict verdict
 * ({@link RetrievalReview#confirm()}), then the document check.
 */
public final class TestIdentities {

  /** The document check of the qualified identities below (national identity card, 2026-01-15). */
  public static final IdentityEvent.DocumentChecked CHECK =
      new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD, LocalDate.of(2026, 1, 15));

  /** The INS of PAT-TROIS (test OID .10). */
  public static final InsIdentifier PAT_TROIS_INS = InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10");

  private static final Instant INSI_CALL = Instant.parse("2026-01-15T10:00:00Z");

  private TestIdentities() {}

  /**
   * The traits of PAT-TROIS DOMINIQUE MARIE-LOUISE, F, 1979-03-28, born in 51215.
   *
   * @return the traits
   */
  public static Traits patTroisTraits() {
    return Traits.of(BirthName.of("PAT-TROIS"), FirstNames.of("DOMINIQUE MARIE-LOUISE"),
        BirthDate.of(LocalDate.of(1979, 3, 28)), Sex.FEMALE, BirthplaceCode.of("51215"));
  }

  /**
   * PAT-TROIS DOMINIQUE MARIE-LOUISE, the ANS test patient (test OID .10), qualified.
   *
   * @return a QUAL identity with a COHERENT justification and the document check {@link #CHECK}
   */
  public static Identity patTrois() {
    return qualified(patTroisTraits(), PAT_TROIS_INS);
  }

  /**
   * PAT-TROIS, retrieved from INSi but without a document check.
   *
   * @return a RECUP identity with a COHERENT justification
   */
  public static Identity patTroisRecup() {
    return recup(patTroisTraits(), PAT_TROIS_INS);
  }

  /**
   * A RECUP identity: INSi returned exactly the local traits, confirmed by the COHERENT verdict.
   *
   * @param traits the traits, searched and returned
   * @param ins the INS returned
   * @return a RECUP identity
   */
  public static Identity recup(Traits traits, InsIdentifier ins) {
    Identity prov = Identity.builder().traits(traits).collectionMethod(CollectionMethod.INSI).build();
    return prov.apply(RetrievalReview.of(prov, ins, traits, List.of(), INSI_CALL).confirm());
  }

  /**
   * A QUAL identity: {@link #recup(Traits, InsIdentifier)}, then the document check {@link #CHECK}.
   *
   * @param traits the traits, searched and returned
   * @param ins the INS returned
   * @return a QUAL identity
   */
  public static Identity qualified(Traits traits, InsIdentifier ins) {
    return recup(traits, ins).apply(CHECK);
  }

  /**
   * The document check an identity holds, as a receiving system that knows the patient would pass
   * it to a reader of a format that does not carry it (HL7 v2).
   *
   * @param identity the identity
   * @return its document check, or null when it has none
   */
  public static IdentityEvent.DocumentChecked documentCheckOf(Identity identity) {
    return identity.validationMode()
        .map(mode -> new IdentityEvent.DocumentChecked(mode, identity.validationDate().orElseThrow()))
        .orElse(null);
  }
}
