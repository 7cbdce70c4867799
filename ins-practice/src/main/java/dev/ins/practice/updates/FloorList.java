package dev.ins.practice.updates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ins.practice.PracticeException;
import dev.ins.practice.PracticeException.Code;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.SignedJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The floor list of known-vulnerable versions the posture report checks the JDK, Bouncy Castle
 * and the SDK against. One ships with the SDK ({@link #shipped()}); the maintainers publish newer
 * ones as signed advisory files ({@link SignedJson} of type {@value #TYPE}, Ed25519, the SDK's own
 * key format), which replace the shipped list only when they verify under a trusted key and are
 * newer. An unsigned, tampered or untrusted advisory file is refused.
 *
 * <p>Content: {@code generatedAt}, {@code validUntil} (after it, get a newer list), {@code jdk}
 * (per feature release the lowest acceptable update), {@code eolFeatures} (feature releases no
 * longer patched), {@code libraries} (per Maven {@code group:artifact} the lowest acceptable
 * version), {@code sdkMin}. See {@code docs/ins-practice.md} for the maintainers' procedure.
 *
 * <pre>{@code
 * String advisory = FloorList.sign(unsignedJsonBytes, maintainersKey);              // maintainers
 * FloorList list = FloorList.verifyAdvisory(advisoryBytes, List.of(maintainersPublicKey)); // practice
 * }</pre>
 *
 * @param generatedAt when the list was written
 * @param validUntil when it should be replaced
 * @param jdk the JDK floors per feature release
 * @param eolFeatures feature releases that get no more security updates
 * @param libraries the library floors
 * @param sdkMin the lowest acceptable ins-sdk version
 * @param source where this list comes from ({@code "shipped"} or {@code "advisory"})
 */
public record FloorList(Instant generatedAt, Instant validUntil, List<JdkFloor> jdk, List<Integer> eolFeatures,
    List<LibraryFloor> libraries, String sdkMin, String source) {

  /** The signed document type of advisory files. */
  public static final String TYPE = "ins-sdk/advisory/v1";
  /** The largest advisory file read. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Set<String> FIELDS = Set.of("generatedAt", "validUntil", "jdk", "eolFeatures", "libraries", "sdkMin");

  /**
   * Validates and copies.
   *
   * @param generatedAt not null
   * @param validUntil after generatedAt
   * @param jdk not null
   * @param eolFeatures not null
   * @param libraries not null
   * @param sdkMin a version
   * @param source not null
   */
  public FloorList {
    Objects.requireNonNull(generatedAt, "generatedAt == null");
    Objects.requireNonNull(validUntil, "validUntil == null");
    if (!validUntil.isAfter(generatedAt)) {
      throw new IllegalArgumentException("validUntil must be after generatedAt");
    }
    jdk = List.copyOf(jdk);
    eolFeatures = List.copyOf(eolFeatures);
    libraries = List.copyOf(libraries);
    Versions.parse(Objects.requireNonNull(sdkMin, "sdkMin == null"));
    Objects.requireNonNull(source, "source == null");
  }

  /**
   * The floor of one JDK feature release.
   *
   * @param feature the feature release, e.g. 17
   * @param minUpdate the lowest acceptable update number (the {@code 15} of {@code 17.0.15})
   * @param advisory why (a CPU date, an advisory reference)
   */
  public record JdkFloor(int feature, int minUpdate, String advisory) {
    /**
     * Validates.
     *
     * @param feature 8..99
     * @param minUpdate 0..999
     * @param advisory not null
     */
    public JdkFloor {
      if (feature < 8 || feature > 99 || minUpdate < 0 || minUpdate > 999) {
        throw new IllegalArgumentException("jdk floor: feature 8..99 and minUpdate 0..999");
      }
      Objects.requireNonNull(advisory, "advisory == null");
    }
  }

  /**
   * The floor of one library.
   *
   * @param ga Maven {@code group:artifact}
   * @param min the lowest acceptable version
   * @param advisory why (CVE or advisory references)
   */
  public record LibraryFloor(String ga, String min, String advisory) {
    /**
     * Validates.
     *
     * @param ga {@code group:artifact}
     * @param min a version
     * @param advisory not null
     */
    public LibraryFloor {
      if (ga == null || !ga.matches("[A-Za-z0-9._-]+:[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("library floor: ga must be group:artifact");
      }
      Versions.parse(min);
      Objects.requireNonNull(advisory, "advisory == null");
    }
  }

  /**
   * Returns the floor list shipped with this SDK version.
   *
   * @return the list
   */
  public static FloorList shipped() {
    try (InputStream in = FloorList.class.getResourceAsStream("/dev/ins/practice/updates/floor-list.json")) {
      if (in == null) {
        throw new IllegalStateException("the shipped floor list is missing from the jar");
      }
      JsonNode n = JsonMapper.builder().build().readTree(in);
      return fromFields(toMap(n), "shipped");
    } catch (IOException e) {
      throw new IllegalStateException("the shipped floor list cannot be read", e);
    }
  }

  /**
   * Verifies an advisory file.
   *
   * @param bytes the file
   * @param trustedKeys the keys accepted as signers
   * @return the list it holds
   * @throws PracticeException VERIFICATION_FAILED when unsigned, tampered or signed by an untrusted
   *     key; INVALID_INPUT when its content breaks a rule
   */
  public static FloorList verifyAdvisory(byte[] bytes, List<Ed25519PublicKey> trustedKeys) {
    Objects.requireNonNull(trustedKeys, "trustedKeys == null");
    SignedJson.Document d;
    try {
      d = SignedJson.verifySelfSigned(bytes, TYPE, MAX_BYTES);
    } catch (InsCryptoException e) {
      throw new PracticeException(Code.VERIFICATION_FAILED, "advisory", "refused: not a valid signed advisory (" + e.getMessage() + ")", e);
    }
    if (!trustedKeys.contains(d.signer())) {
      throw new PracticeException(Code.VERIFICATION_FAILED, "advisory.signer", "refused: signed by a key that is not trusted");
    }
    return fromFields(d.fields(), "advisory");
  }

  /**
   * Signs an advisory (the maintainers' tool): checks the unsigned JSON against every rule, then
   * signs it.
   *
   * @param unsignedJson the list as plain JSON (the fields of this record, without {@code source})
   * @param key the maintainers' signing key
   * @return the advisory file's text
   * @throws PracticeException INVALID_INPUT when the content breaks a rule
   */
  public static String sign(byte[] unsignedJson, Ed25519SigningKey key) {
    JsonNode n;
    try {
      n = JsonMapper.builder().build().readTree(unsignedJson);
    } catch (IOException e) {
      throw new PracticeException(Code.INVALID_INPUT, "advisory", "not valid JSON");
    }
    Map<String, Object> fields = toMap(n);
    fromFields(fields, "advisory");
    return SignedJson.sign(TYPE, fields, key) + "\n";
  }

  /**
   * Chooses the list to use: the advisory when it verifies and is newer than the shipped one.
   *
   * @param shipped the shipped list
   * @param advisory the advisory file's bytes, if any
   * @param trustedKeys the trusted signers
   * @return the list in force
   * @throws PracticeException when the advisory is refused (the caller reports it and falls back)
   */
  public static FloorList inForce(FloorList shipped, Optional<byte[]> advisory, List<Ed25519PublicKey> trustedKeys) {
    if (advisory.isEmpty()) {
      return shipped;
    }
    FloorList a = verifyAdvisory(advisory.get(), trustedKeys);
    return a.generatedAt().isAfter(shipped.generatedAt()) ? a : shipped;
  }

  /**
   * Finds the floor of a JDK feature release.
   *
   * @param feature e.g. 17
   * @return the floor, if listed
   */
  public Optional<JdkFloor> jdkFloor(int feature) {
    return jdk.stream().filter(f -> f.feature() == feature).findFirst();
  }

  /**
   * Finds the floor of a library.
   *
   * @param ga {@code group:artifact}
   * @return the floor, if listed
   */
  public Optional<LibraryFloor> libraryFloor(String ga) {
    return libraries.stream().filter(f -> f.ga().equals(ga)).findFirst();
  }

  private static FloorList fromFields(Map<String, Object> f, String source) {
    try {
      if (!FIELDS.containsAll(f.keySet()) || !f.keySet().containsAll(FIELDS)) {
        throw new IllegalArgumentException("expected exactly the fields " + new java.util.TreeSet<>(FIELDS));
      }
      List<JdkFloor> jdk = new ArrayList<>();
      for (Object o : list(f.get("jdk"), "jdk")) {
        Map<?, ?> m = map(o, "jdk[]");
        jdk.add(new JdkFloor(integer(m.get("feature"), "jdk[].feature"), integer(m.get("minUpdate"), "jdk[].minUpdate"),
            String.valueOf(m.get("advisory"))));
      }
      List<Integer> eol = new ArrayList<>();
      for (Object o : list(f.get("eolFeatures"), "eolFeatures")) {
        eol.add(integer(o, "eolFeatures[]"));
      }
      List<LibraryFloor> libs = new ArrayList<>();
      for (Object o : list(f.get("libraries"), "libraries")) {
        Map<?, ?> m = map(o, "libraries[]");
        libs.add(new LibraryFloor(String.valueOf(m.get("ga")), String.valueOf(m.get("min")), String.valueOf(m.get("advisory"))));
      }
      return new FloorList(instant(f.get("generatedAt"), "generatedAt"), instant(f.get("validUntil"), "validUntil"), jdk, eol,
          libs, String.valueOf(f.get("sdkMin")), source);
    } catch (IllegalArgumentException e) {
      throw new PracticeException(Code.INVALID_INPUT, source, e.getMessage(), e);
    }
  }

  private static List<?> list(Object o, String field) {
    if (!(o instanceof List<?> l)) {
      throw new IllegalArgumentException(field + ": expected an array");
    }
    return l;
  }

  private static Map<?, ?> map(Object o, String field) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(field + ": expected an object");
    }
    return m;
  }

  private static int integer(Object o, String field) {
    if (!(o instanceof Long l) || l < 0 || l > 100_000) {
      throw new IllegalArgumentException(field + ": expected an integer");
    }
    return l.intValue();
  }

  private static Instant instant(Object o, String field) {
    try {
      return Instant.parse(String.valueOf(o));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": expected an ISO-8601 instant", e);
    }
  }

  private static Map<String, Object> toMap(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new PracticeException(Code.INVALID_INPUT, "advisory", "expected a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  private static Object value(JsonNode n) {
    if (n.isObject()) {
      return toMap(n);
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(value(x)));
      return l;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    throw new PracticeException(Code.INVALID_INPUT, "advisory", "unsupported JSON value (null or a fraction)");
  }
}
