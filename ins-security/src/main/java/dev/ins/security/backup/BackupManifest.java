package dev.ins.security.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.CanonicalJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signed description of a backup: what it is, when it was made, by which SDK, and the hashes
 * and lengths that let anyone check the file without decrypting it.
 *
 * <pre>{@code
 * BackupManifest m = Backup.writer().recipient(practice).signer(key).build().write(in, out);
 * long bytes = m.plaintextLength();
 * }</pre>
 *
 * @param backupId a random UUID
 * @param createdAt creation time (UTC, milliseconds)
 * @param label a short free label (no patient data), up to 128 chars
 * @param sdkVersion the SDK version that wrote it
 * @param signer the base64 Ed25519 public key that signs the manifest
 * @param headerSha256 base64 SHA-256 of the header bytes
 * @param payloadSha256 base64 SHA-256 of the encrypted payload
 * @param payloadLength the encrypted payload length
 * @param plaintextLength the plaintext length
 * @param metadata caller metadata (row counts, schema version), at most 32 pairs
 */
public record BackupManifest(
    String backupId,
    Instant createdAt,
    String label,
    String sdkVersion,
    String signer,
    String headerSha256,
    String payloadSha256,
    long payloadLength,
    long plaintextLength,
    Map<String, String> metadata) {

  static final String FORMAT = "ins-sdk/backup-manifest/v1";
  private static final List<String> FIELDS =
      List.of("backupId", "createdAt", "format", "headerSha256", "label", "metadata", "payloadLength", "payloadSha256", "plaintextLength", "sdkVersion", "signer");

  /**
   * Copies the metadata.
   *
   * @param backupId the id
   * @param createdAt the time
   * @param label the label
   * @param sdkVersion the SDK version
   * @param signer the signer key
   * @param headerSha256 the header hash
   * @param payloadSha256 the payload hash
   * @param payloadLength the payload length
   * @param plaintextLength the plaintext length
   * @param metadata the metadata
   */
  public BackupManifest {
    metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  byte[] toCanonicalJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("format", FORMAT);
    o.put("backupId", backupId);
    o.put("createdAt", createdAt.toString());
    o.put("label", label);
    o.put("sdkVersion", sdkVersion);
    o.put("signer", signer);
    o.put("headerSha256", headerSha256);
    o.put("payloadSha256", payloadSha256);
    o.put("payloadLength", payloadLength);
    o.put("plaintextLength", plaintextLength);
    o.set("metadata", CanonicalJson.fromMap(metadata));
    return CanonicalJson.encode(o);
  }

  static BackupManifest parse(byte[] json) {
    JsonNode n = CanonicalJson.parse(json, "manifest");
    CanonicalJson.requireFields(n, "manifest", FIELDS, List.of());
    if (!FORMAT.equals(CanonicalJson.text(n, "format", "manifest"))) {
      throw new InsCryptoException(Code.MALFORMED, "manifest.format", "unsupported format");
    }
    Instant t;
    try {
      t = Instant.parse(CanonicalJson.text(n, "createdAt", "manifest"));
    } catch (DateTimeParseException e) {
      throw new InsCryptoException(Code.MALFORMED, "manifest.createdAt", "not an ISO-8601 instant", e);
    }
    JsonNode md = n.get("metadata");
    if (!md.isObject() || md.size() > 32) {
      throw new InsCryptoException(Code.MALFORMED, "manifest.metadata", "expected an object of at most 32 strings");
    }
    Map<String, String> meta = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : md.properties()) {
      if (!e.getValue().isTextual()) {
        throw new InsCryptoException(Code.MALFORMED, "manifest.metadata." + e.getKey(), "expected a string");
      }
      meta.put(e.getKey(), e.getValue().textValue());
    }
    return new BackupManifest(
        CanonicalJson.text(n, "backupId", "manifest"),
        t,
        CanonicalJson.text(n, "label", "manifest"),
        CanonicalJson.text(n, "sdkVersion", "manifest"),
        CanonicalJson.text(n, "signer", "manifest"),
        CanonicalJson.text(n, "headerSha256", "manifest"),
        CanonicalJson.text(n, "payloadSha256", "manifest"),
        CanonicalJson.number(n, "payloadLength", "manifest"),
        CanonicalJson.number(n, "plaintextLength", "manifest"),
        meta);
  }
}
