package dev.ins.security;

import dev.ins.core.InsIdentifier;
import dev.ins.core.Matricule;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.ByteWriter;
import dev.ins.security.internal.Primitives;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keyed pseudonyms and blind indexes for matricules: HMAC-SHA-256 under a key that belongs to one
 * purpose, never a plain hash of a NIR (a NIR has far too little entropy to resist brute force).
 *
 * <p>Each purpose ({@link #SEARCH_INDEX}, {@link #EXPORT}, or your own label) has its own
 * {@link KeyType#HMAC_SHA256} keyset; the key id is the version, so rotation adds a key, and
 * lookups during the transition use {@link #candidates}. The purpose label is also inside the HMAC
 * input, so even a keyset reused by mistake gives unrelated values per purpose. The input is the
 * canonical 15-character matricule, plus the OID for {@link #pseudonym(InsIdentifier)}.
 *
 * <pre>{@code
 * Pseudonymizer index = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, Keyset.generate(KeyType.HMAC_SHA256));
 * String blind = index.blindIndex(Matricule.parse("279035121518989")).format();
 * }</pre>
 */
public final class Pseudonymizer {
  /** Purpose label for the blind index used to look up an encrypted INS. */
  public static final String SEARCH_INDEX = "search-index";

  /** Purpose label for pseudonyms in exports and audit logs. */
  public static final String EXPORT = "export";

  private static final byte[] LABEL = "ins-sdk/pseudonym/v1\0".getBytes(StandardCharsets.US_ASCII);

  private final String purpose;
  private final Keyset keyset;

  private Pseudonymizer(String purpose, Keyset keyset) {
    this.purpose = purpose;
    this.keyset = keyset;
  }

  /**
   * Creates a pseudonymizer for one purpose.
   *
   * @param purpose {@code [a-z0-9-]{1,32}}
   * @param keyset a keyset of {@link KeyType#HMAC_SHA256} keys used for this purpose only
   * @return the pseudonymizer
   */
  public static Pseudonymizer of(String purpose, Keyset keyset) {
    Pseudonym.checkPurpose(purpose);
    Objects.requireNonNull(keyset, "keyset == null");
    if (keyset.primary().type() != KeyType.HMAC_SHA256) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "keyset.primary", "pseudonyms need an HMAC_SHA256 keyset, got " + keyset.primary().type());
    }
    return new Pseudonymizer(purpose, keyset);
  }

  /**
   * Returns the purpose.
   *
   * @return the label
   */
  public String purpose() {
    return purpose;
  }

  /**
   * Computes the blind index of a matricule under the primary key (lookup by matricule only).
   *
   * @param matricule the matricule
   * @return the pseudonym
   */
  public Pseudonym blindIndex(Matricule matricule) {
    return compute(keyset.primary(), input(matricule.value(), ""));
  }

  /**
   * Computes the pseudonym of an INS (matricule and OID) under the primary key.
   *
   * @param ins the identifier
   * @return the pseudonym
   */
  public Pseudonym pseudonym(InsIdentifier ins) {
    return compute(keyset.primary(), input(ins.matricule().value(), ins.oid().oid()));
  }

  /**
   * Computes the blind index under every enabled key, primary first: the values to search for
   * while stored indexes are being recomputed after a rotation.
   *
   * @param matricule the matricule
   * @return one pseudonym per enabled key
   */
  public List<Pseudonym> candidates(Matricule matricule) {
    byte[] in = input(matricule.value(), "");
    List<Pseudonym> out = new ArrayList<>();
    out.add(compute(keyset.primary(), in));
    for (KeysetKey k : keyset.keys()) {
      if (k.id() != keyset.primary().id() && k.status() == KeyStatus.ENABLED) {
        out.add(compute(k, in));
      }
    }
    return out;
  }

  private byte[] input(String matricule, String oid) {
    return new ByteWriter().bytes(LABEL).str16(purpose).str16(matricule).str16(oid).toByteArray();
  }

  private Pseudonym compute(KeysetKey k, byte[] in) {
    byte[] key = k.material().toByteArray(SecretAccess.insecure());
    try {
      return new Pseudonym(purpose, k.id(), Primitives.hmacSha256(key, in));
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymizer[" + purpose + ", primary=" + keyset.primary().idHex() + "]";
  }
}
