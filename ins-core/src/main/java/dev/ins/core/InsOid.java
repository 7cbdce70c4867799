package dev.ins.core;

/**
 * The assigning authorities (OIDs) of a matricule INS.
 *
 * <p>Closed set: production NIR ({@code 1.2.250.1.213.1.4.8}), production NIA ({@code .9}), test NIR
 * ({@code .10}) and demonstration NIR ({@code .11}). Anything else is rejected with a clear error.
 * Whether an identity is a test one is told by this OID or by the configured environment, never
 * inferred from the matricule's digits.
 *
 * <pre>{@code
 * InsOid oid = InsOid.parse("1.2.250.1.213.1.4.10");
 * oid.nature();   // NIR
 * oid.usage();    // TEST
 * oid.urn();      // "urn:oid:1.2.250.1.213.1.4.10"
 * }</pre>
 */
public enum InsOid {
  /** INS-NIR, production. */
  INS_NIR("1.2.250.1.213.1.4.8", MatriculeNature.NIR, Usage.PRODUCTION),
  /** INS-NIA, production. */
  INS_NIA("1.2.250.1.213.1.4.9", MatriculeNature.NIA, Usage.PRODUCTION),
  /** INS-NIR of fictitious test patients. */
  INS_NIR_TEST("1.2.250.1.213.1.4.10", MatriculeNature.NIR, Usage.TEST),
  /** INS-NIR of demonstration patients. */
  INS_NIR_DEMO("1.2.250.1.213.1.4.11", MatriculeNature.NIR, Usage.DEMO);

  /** What an OID is for. */
  public enum Usage {
    /** Real identities. */
    PRODUCTION,
    /** Fictitious test identities. */
    TEST,
    /** Demonstration identities. */
    DEMO
  }

  private static final String FIELD = "oid";
  private static final String URN = "urn:oid:";

  private final String oid;
  private final MatriculeNature nature;
  private final Usage usage;

  InsOid(String oid, MatriculeNature nature, Usage usage) {
    this.oid = oid;
    this.nature = nature;
    this.usage = usage;
  }

  /**
   * Returns the dotted OID.
   *
   * @return e.g. {@code "1.2.250.1.213.1.4.8"}
   */
  public String oid() {
    return oid;
  }

  /**
   * Returns the OID as a URN, as FHIR identifier systems write it.
   *
   * @return {@code "urn:oid:" + oid()}
   */
  public String urn() {
    return URN + oid;
  }

  /**
   * Returns the nature of the matricules this authority assigns.
   *
   * @return NIR or NIA
   */
  public MatriculeNature nature() {
    return nature;
  }

  /**
   * Returns what the OID is for.
   *
   * @return production, test or demo
   */
  public Usage usage() {
    return usage;
  }

  /**
   * Parses a dotted OID, exactly (no spaces, no URN prefix).
   *
   * @param text the OID
   * @return the authority
   * @throws InsValidationException {@code UNKNOWN_OID} naming the OID when it is not an INS one
   */
  public static InsOid parse(CharSequence text) {
    if (text == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "an OID is required");
    }
    String s = text.toString();
    for (InsOid o : values()) {
      if (o.oid.equals(s)) {
        return o;
      }
    }
    String why = switch (s) {
      case "1.2.250.1.213.1.4.2" -> "INS-C (legacy computed INS) is not a matricule INS";
      case "1.2.250.1.213.1.4.13", "1.2.250.1.213.1.4.14" -> "NIR/NIA used as a billing number (NSS) is not an INS";
      default -> "not an INS assigning authority (expected 1.2.250.1.213.1.4.8, .9, .10 or .11)";
    };
    // An OID is not patient data: it may be named in the message (truncated if absurdly long).
    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    throw InsValidationException.of(FIELD, ViolationCode.UNKNOWN_OID, -1, "OID '" + shown + "': " + why);
  }

  /**
   * Parses an OID written as a URN ({@code urn:oid:1.2.250.1.213.1.4.8}).
   *
   * @param urn the URN
   * @return the authority
   * @throws InsValidationException when the prefix is missing or the OID unknown
   */
  public static InsOid fromUrn(CharSequence urn) {
    if (urn == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "an OID URN is required");
    }
    String s = urn.toString();
    if (!s.startsWith(URN)) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, 0, "an OID URN starts with 'urn:oid:'");
    }
    return parse(s.substring(URN.length()));
  }
}
