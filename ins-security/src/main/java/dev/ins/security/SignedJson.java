package dev.ins.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A small signed JSON document: a typed, canonical JSON object whose content is signed with an
 * Ed25519 key of the SDK ({@link Ed25519SigningKey}, stored sealed like any keyset).
 *
 * <p>Layout: one canonical JSON object (sorted keys, no whitespace) holding the caller's fields,
 * {@code "type"} (what the document is, e.g. {@code ins-sdk/kill-switch/v1}), {@code "signer"} (the
 * base64 public key) and {@code "signature"} (base64 Ed25519 over {@code "ins-sdk/signed-json/v1\n"}
 * followed by the canonical JSON of the object without {@code "signature"}). Verification refuses a
 * document that is not canonical, is larger than the bound, has another type, was signed by
 * another key than the trusted one, or whose signature does not verify: any change of any byte is
 * detected. Values are strings, integers, booleans, lists and nested objects.
 *
 * <pre>{@code
 * String text = SignedJson.sign("ins-sdk/advisory/v1", Map.of("generatedAt", "2026-12-01T00:00:00Z"), key);
 * SignedJson.Document d = SignedJson.verify(text.getBytes(UTF_8), "ins-sdk/advisory/v1", key.publicKey(), 65536);
 * String at = (String) d.fields().get("generatedAt");
 * }</pre>
 */
public final class SignedJson {
  /** The field naming the document type. */
  public static final String TYPE = "type";
  /** The field holding the signer's base64 public key. */
  public static final String SIGNER = "signer";
  /** The field holding the base64 signature. */
  public static final String SIGNATURE = "signature";

  private static final byte[] DOMAIN = "ins-sdk/signed-json/v1\n".getBytes(StandardCharsets.UTF_8);
  private static final Pattern TYPE_SHAPE = Pattern.compile("[a-z0-9][a-z0-9./-]{0,63}");

  private SignedJson() {}

  /**
   * A verified document.
   *
   * @param type the document type
   * @param fields the caller's fields (without type, signer and signature), values as {@link String},
   *     {@link Long}, {@link Boolean}, {@link List} or {@link Map}
   * @param signer the key that signed it
   */
  public record Document(String type, Map<String, Object> fields, Ed25519PublicKey signer) {
    /**
     * Copies the fields.
     *
     * @param type not null
     * @param fields not null
     * @param signer not null
     */
    public Document {
      Objects.requireNonNull(type, "type == null");
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      Objects.requireNonNull(signer, "signer == null");
    }
  }

  /**
   * Signs fields as a document of the given type.
   *
   * @param type {@code [a-z0-9][a-z0-9./-]{0,63}}
   * @param fields the content: strings, integers, booleans, lists, maps with string keys; must not
   *     use the names {@code type}, {@code signer} or {@code signature}
   * @param key the signing key
   * @return the canonical JSON text (no trailing newline)
   * @throws InsCryptoException POLICY_VIOLATION for a reserved field name or an unsupported value
   */
  public static String sign(String type, Map<String, ?> fields, Ed25519SigningKey key) {
    Objects.requireNonNull(key, "key == null");
    checkType(type);
    Objects.requireNonNull(fields, "fields == null");
    ObjectNode o = CanonicalJson.object();
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      String k = Objects.requireNonNull(e.getKey(), "field name == null");
      if (k.equals(TYPE) || k.equals(SIGNER) || k.equals(SIGNATURE)) {
        throw new InsCryptoException(Code.POLICY_VIOLATION, "signedJson." + k, "reserved field name");
      }
      o.set(k, toNode(e.getValue(), "signedJson." + k));
    }
    o.put(TYPE, type);
    o.put(SIGNER, key.publicKey().toBase64());
    byte[] sig = key.sign(signedBytes(o));
    o.put(SIGNATURE, Base64.getEncoder().encodeToString(sig));
    return CanonicalJson.toText(o);
  }

  /**
   * Verifies a document.
   *
   * @param json the document bytes (one trailing newline is tolerated)
   * @param expectedType the type it must have
   * @param trusted the key that must have signed it
   * @param maxBytes the size bound (documents above it are refused before parsing)
   * @return the verified document
   * @throws InsCryptoException MALFORMED (size, JSON, canonical form, fields) or VERIFICATION_FAILED
   *     (type, signer or signature)
   */
  public static Document verify(byte[] json, String expectedType, Ed25519PublicKey trusted, int maxBytes) {
    Objects.requireNonNull(trusted, "trusted == null");
    Document d = verifySelfSigned(json, expectedType, maxBytes);
    if (!d.signer().equals(trusted)) {
      throw new InsCryptoException(Code.VERIFICATION_FAILED, "signedJson.signer", "signed by another key than the trusted one");
    }
    return d;
  }

  /**
   * Verifies a document against the key it names itself. This proves only that the document was
   * not changed since that key signed it; compare {@link Document#signer()} with a key you trust.
   *
   * @param json the document bytes (one trailing newline is tolerated)
   * @param expectedType the type it must have
   * @param maxBytes the size bound
   * @return the verified document
   * @throws InsCryptoException MALFORMED or VERIFICATION_FAILED
   */
  public static Document verifySelfSigned(byte[] json, String expectedType, int maxBytes) {
    Objects.requireNonNull(json, "json == null");
    checkType(expectedType);
    if (json.length > maxBytes) {
      throw new InsCryptoException(Code.MALFORMED, "signedJson", "larger than " + maxBytes + " bytes");
    }
    byte[] body = json;
    if (body.length > 0 && body[body.length - 1] == '\n') {
      body = java.util.Arrays.copyOf(body, body.length - 1);
    }
    JsonNode n = CanonicalJson.parse(body, "signedJson");
    String type = CanonicalJson.text(n, TYPE, "signedJson");
    Ed25519PublicKey signer = Ed25519PublicKey.parse(CanonicalJson.text(n, SIGNER, "signedJson"));
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(CanonicalJson.text(n, SIGNATURE, "signedJson"));
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, "signedJson.signature", "not base64", e);
    }
    ObjectNode unsigned = ((ObjectNode) n).deepCopy();
    unsigned.remove(SIGNATURE);
    if (!signer.verify(signedBytes(unsigned), sig)) {
      throw new InsCryptoException(Code.VERIFICATION_FAILED, "signedJson.signature", "the signature does not verify (document changed?)");
    }
    if (!type.equals(expectedType)) {
      throw new InsCryptoException(Code.VERIFICATION_FAILED, "signedJson.type", "expected a " + expectedType + " document, got " + type);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getKey().equals(TYPE) && !e.getKey().equals(SIGNER) && !e.getKey().equals(SIGNATURE)) {
        fields.put(e.getKey(), fromNode(e.getValue(), "signedJson." + e.getKey()));
      }
    }
    return new Document(type, fields, signer);
  }

  private static void checkType(String type) {
    if (type == null || !TYPE_SHAPE.matcher(type).matches()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "signedJson.type", "must match [a-z0-9][a-z0-9./-]{0,63}");
    }
  }

  private static byte[] signedBytes(ObjectNode withoutSignature) {
    byte[] c = CanonicalJson.encode(withoutSignature);
    byte[] out = java.util.Arrays.copyOf(DOMAIN, DOMAIN.length + c.length);
    System.arraycopy(c, 0, out, DOMAIN.length, c.length);
    return out;
  }

  private static JsonNode toNode(Object v, String field) {
    ObjectNode holder = CanonicalJson.object();
    if (v instanceof String s) {
      return holder.textNode(s);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return holder.numberNode(((Number) v).longValue());
    }
    if (v instanceof Boolean b) {
      return holder.booleanNode(b);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = holder.arrayNode();
      for (int i = 0; i < l.size(); i++) {
        a.add(toNode(l.get(i), field + "[" + i + "]"));
      }
      return a;
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = CanonicalJson.object();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new InsCryptoException(Code.POLICY_VIOLATION, field, "object keys must be strings");
        }
        o.set(k, toNode(e.getValue(), field + "." + k));
      }
      return o;
    }
    throw new InsCryptoException(Code.POLICY_VIOLATION, field,
        "unsupported value type " + (v == null ? "null" : v.getClass().getSimpleName()));
  }

  private static Object fromNode(JsonNode n, String field) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        out.add(fromNode(n.get(i), field + "[" + i + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), fromNode(e.getValue(), field + "." + e.getKey()));
      }
      return Collections.unmodifiableMap(out);
    }
    throw new InsCryptoException(Code.MALFORMED, field, "unsupported JSON value (null or a fraction)");
  }
}
