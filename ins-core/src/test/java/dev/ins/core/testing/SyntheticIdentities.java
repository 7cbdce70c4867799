package dev.ins.core.testing;

import dev.ins.core.CollectionMethod;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.Matricule;
import dev.ins.core.RetrievalReview;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deterministic source of synthetic, internally consistent identities for tests and demos.
 *
 * <p>Every identity carries the INS-NIR <em>test</em> OID ({@code 1.2.250.1.213.1.4.10}), a
 * key-valid matricule consistent with its traits, and invented names. Same seed, same identities.
 *
 * <pre>{@code
 * SyntheticIdentities ids = new SyntheticIdentities(7);
 * Identity qual = ids.qualified();
 * Identity prov = ids.provisional();
 * }</pre>
 */
public final class SyntheticIdentities {

  private static final Instant INSI_CALL = Instant.parse("2026-01-15T10:00:00Z");

  private final InsGenerators gen;

  /**
   * Creates the source.
   *
   * @param seed the seed
   */
  public SyntheticIdentities(long seed) {
    this.gen = new InsGenerators(seed);
  }

  /**
   * Returns the next synthetic INS (test OID).
   *
   * @return an INS whose matricule is key-valid
   */
  public InsIdentifier ins() {
    return new InsIdentifier(gen.matricule(), InsOid.INS_NIR_TEST);
  }

  /**
   * Returns traits consistent with a matricule.
   *
   * @param m the matricule
   * @return the traits
   */
  public Traits traitsFor(Matricule m) {
    return gen.traitsFor(m);
  }

  /**
   * Returns a provisional identity with no INS, collected by hand.
   *
   * @return a PROV identity
   */
  public Identity provisional() {
    return Identity.builder().traits(gen.traitsFor(gen.matricule()))
        .collectionMethod(CollectionMethod.MANUAL).build();
  }

  /**
   * Returns a qualified identity, made the way the RNIV makes one: a provisional identity, an INSi
   * answer with the same traits (test OID) confirmed by a COHERENT strict verdict, then a document
   * check (national identity card).
   *
   * @return a QUAL identity with its justification and its document check
   */
  public Identity qualified() {
    InsIdentifier ins = ins();
    Traits traits = gen.traitsFor(ins.matricule());
    Identity prov = Identity.builder().traits(traits).collectionMethod(CollectionMethod.INSI).build();
    return prov.apply(RetrievalReview.of(prov, ins, traits, List.of(), INSI_CALL).confirm())
        .apply(new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD, LocalDate.of(2026, 1, 15)));
  }
}
