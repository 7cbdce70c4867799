package dev.ins.security.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.core.InsSdk;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import dev.ins.security.internal.AeadCore;
import dev.ins.security.internal.BouncyCastle;
import dev.ins.security.internal.ByteWriter;
import dev.ins.security.internal.CanonicalJson;
import dev.ins.security.internal.Primitives;
import dev.ins.security.internal.RestoreStaging;
import dev.ins.security.internal.SafeFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Encrypted, signed, verifiable backups of identity data with several recipients.
 *
 * <p>File layout: {@code "INSBAK01"}, header length (4 bytes), canonical JSON header (recipients
 * with their wrapped data keys, signer key, id, time), the {@link ChunkedEncryption} payload whose
 * context is the header bytes (so the header cannot be altered), the canonical JSON
 * {@link BackupManifest}, its length (4), the Ed25519 signature of the manifest (64) and {@code
 * "INSBEND1"}. Each recipient gets the random 256-bit data key wrapped with X25519 + HKDF-SHA-256 +
 * AES-256-GCM. Key commitment in the payload means a crafted file cannot open to different
 * contents for different recipients. {@link #verify} checks everything except the plaintext
 * without any private key; {@link #restore} also decrypts.
 *
 * <pre>{@code
 * BackupManifest m = Backup.writer()
 *     .recipient(BackupRecipient.fromKeyset("practice", practiceKeys))
 *     .recipient(BackupRecipient.of("recovery", offlineRecoveryPublicKey))
 *     .signer(signingKey)
 *     .label("identities")
 *     .build()
 *     .write(plaintextIn, fileOut);
 * BackupReport r = Backup.verify(file, signingKey.publicKey());
 * }</pre>
 */
public final class Backup {
  static final byte[] MAGIC = "INSBAK01".getBytes(StandardCharsets.US_ASCII);
  static final byte[] FOOTER = "INSBEND1".getBytes(StandardCharsets.US_ASCII);
  static final String HEADER_FORMAT = "ins-sdk/backup/v1";
  private static final byte[] SIG_LABEL = "ins-sdk/backup-manifest/v1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_LABEL = "ins-sdk/backup/wrap/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_JSON = 1 << 20;
  private static final List<String> HEADER_FIELDS =
      List.of("aead", "backupId", "createdAt", "format", "label", "recipients", "signer");

  private Backup() {}

  /**
   * Starts configuring a backup writer.
   *
   * @return the builder
   */
  public static Writer.Builder writer() {
    return new Writer.Builder();
  }

  /** Writes backups; obtained from {@link Backup#writer()}. Thread-safe and reusable. */
  public static final class Writer {
    private final List<BackupRecipient> recipients;
    private final Ed25519SigningKey signer;
    private final String label;
    private final Map<String, String> metadata;
    private final Clock clock;

    private Writer(Builder b) {
      this.recipients = List.copyOf(b.recipients);
      this.signer = b.signer;
      this.label = b.label;
      this.metadata = Map.copyOf(b.metadata);
      this.clock = b.clock;
    }

    /** Configures a {@link Writer}; {@link #build()} fails fast on missing parts. */
    public static final class Builder {
      private final List<BackupRecipient> recipients = new ArrayList<>();
      private Ed25519SigningKey signer;
      private String label = "backup";
      private final Map<String, String> metadata = new TreeMap<>();
      private Clock clock = Clock.systemUTC();

      private Builder() {}

      /**
       * Adds a recipient (at least one; ids unique; at most 16).
       *
       * @param r the recipient
       * @return this
       */
      public Builder recipient(BackupRecipient r) {
        recipients.add(java.util.Objects.requireNonNull(r, "recipient == null"));
        return this;
      }

      /**
       * Sets the manifest signing key (required).
       *
       * @param key the key
       * @return this
       */
      public Builder signer(Ed25519SigningKey key) {
        this.signer = java.util.Objects.requireNonNull(key, "signer == null");
        return this;
      }

      /**
       * Sets a short label (no patient data), 1..128 printable characters.
       *
       * @param label the label
       * @return this
       */
      public Builder label(String label) {
        if (label == null || label.isEmpty() || label.length() > 128 || !label.chars().noneMatch(Character::isISOControl)) {
          throw new IllegalArgumentException("label must be 1..128 printable characters");
        }
        requireNoMatricule("label", label);
        this.label = label;
        return this;
      }

      /**
       * Adds a metadata pair (schema version, row counts...), at most 32.
       *
       * @param key the key, 1..64 characters
       * @param value the value, at most 256 characters
       * @return this
       */
      public Builder metadata(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 64 || value == null || value.length() > 256) {
          throw new IllegalArgumentException("metadata key 1..64 chars, value at most 256 chars");
        }
        requireNoMatricule("metadata." + key, key + " " + value);
        metadata.put(key, value);
        return this;
      }

      /**
       * Sets the clock (for tests).
       *
       * @param clock the clock
       * @return this
       */
      public Builder clock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock == null");
        return this;
      }

      /**
       * Builds the writer.
       *
       * @return the writer
       * @throws IllegalStateException when the signer or every recipient is missing, ids repeat,
       *     or there are more than 16 recipients or 32 metadata pairs
       */
      public Writer build() {
        if (signer == null) {
          throw new IllegalStateException("signer required");
        }
        if (recipients.isEmpty() || recipients.size() > 16) {
          throw new IllegalStateException("1..16 recipients required");
        }
        Set<String> ids = new HashSet<>();
        for (BackupRecipient r : recipients) {
          if (!ids.add(r.id())) {
            throw new IllegalStateException("duplicate recipient id " + r.id());
          }
        }
        if (metadata.size() > 32) {
          throw new IllegalStateException("at most 32 metadata pairs");
        }
        return new Writer(this);
      }
    }

    /**
     * Encrypts {@code in} into {@code out} (which is closed at the end).
     *
     * @param in the plaintext
     * @param out the backup file's stream
     * @return the signed manifest
     */
    public BackupManifest write(InputStream in, OutputStream out) {
      BouncyCastle.require();
      String id = UUID.randomUUID().toString();
      var createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      SecretBytes dataKey = SecretBytes.random(32);
      ObjectNode h = CanonicalJson.object();
      h.put("format", HEADER_FORMAT);
      h.put("aead", ChunkedEncryption.AEAD);
      h.put("backupId", id);
      h.put("createdAt", createdAt.toString());
      h.put("label", label);
      h.put("signer", signer.publicKey().toBase64());
      ArrayNode rs = h.putArray("recipients");
      for (BackupRecipient r : recipients) {
        X25519PrivateKeyParameters eph = new X25519PrivateKeyParameters(new java.security.SecureRandom());
        byte[] epk = eph.generatePublicKey().getEncoded();
        byte[] wrapKey = wrapKey(eph, r.publicKey(), epk, r.id(), id);
        byte[] wk = AeadCore.seal(KeyType.AES_256_GCM, wrapKey, new byte[12], WRAP_LABEL, dataKey.toByteArray(SecretAccess.insecure()));
        Arrays.fill(wrapKey, (byte) 0);
        ObjectNode ro = rs.addObject();
        ro.put("id", r.id());
        ro.put("epk", b64(epk));
        ro.put("wk", b64(wk));
      }
      byte[] header = CanonicalJson.encode(h);
      try {
        out.write(MAGIC);
        out.write(new ByteWriter().i32(header.length).toByteArray());
        out.write(header);
        CountingDigest payload = new CountingDigest(out);
        long plain = 0;
        OutputStream enc = ChunkedEncryption.encryptingStream(payload, dataKey, header);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          enc.write(buf, 0, n);
          plain += n;
        }
        enc.close(); // payload.close() does not close out
        BackupManifest m =
            new BackupManifest(
                id,
                createdAt,
                label,
                InsSdk.version(),
                signer.publicKey().toBase64(),
                b64(Primitives.sha256(header)),
                b64(payload.digest.digest()),
                payload.count,
                plain,
                metadata);
        byte[] mj = m.toCanonicalJson();
        out.write(mj);
        out.write(new ByteWriter().i32(mj.length).toByteArray());
        out.write(signer.sign(concat(SIG_LABEL, mj)));
        out.write(FOOTER);
        out.close();
        return m;
      } catch (IOException e) {
        throw new InsCryptoException(Code.IO, "backup.out", "cannot write the backup", e);
      } finally {
        dataKey.destroy();
      }
    }
  }

  private static void requireNoMatricule(String field, String value) {
    if (!dev.ins.security.logging.PiiRedactor.redact(value).equals(value)) {
      throw new IllegalArgumentException(field + " looks like it holds a matricule; manifests are readable without a key");
    }
  }

  private static final class CountingDigest extends FilterOutputStream {
    final MessageDigest digest = Primitives.sha256Digest();
    long count;

    CountingDigest(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static byte[] wrapKey(X25519PrivateKeyParameters priv, byte[] peerPublic, byte[] epk, String recipientId, String backupId) {
    X25519Agreement a = new X25519Agreement();
    a.init(priv);
    byte[] shared = new byte[32];
    try {
      a.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
    } catch (IllegalStateException e) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "recipient.publicKey", "X25519 agreement gave an all-zero secret", e);
    }
    byte[] salt = concat(epk, peerPublic);
    byte[] info = new ByteWriter().bytes(WRAP_LABEL).u8(0).str16(recipientId).str16(backupId).toByteArray();
    byte[] k = Primitives.hkdfSha256(shared, salt, info, 32);
    Arrays.fill(shared, (byte) 0);
    return k;
  }

  /** The parsed frame of a backup file. */
  private static final class Frame {
    byte[] header;
    JsonNode headerJson;
    long payloadOffset;
    long payloadLength;
    byte[] manifestBytes;
    BackupManifest manifest;
    byte[] signature;
  }

  /**
   * Verifies a backup without any private key: structure, manifest signature under the trusted
   * key, header and payload hashes, lengths.
   *
   * @param file the backup file
   * @param trustedSigner the key expected to have signed the manifest
   * @return the report; {@code intact()} is false on any tampering, with findings saying where
   */
  public static BackupReport verify(Path file, Ed25519PublicKey trustedSigner) {
    List<String> findings = new ArrayList<>();
    Frame f = frame(file, trustedSigner, findings);
    return new BackupReport(findings.isEmpty(), false, 0, Optional.ofNullable(f == null ? null : f.manifest), findings);
  }

  /**
   * Verifies then decrypts a backup into {@code out} for one recipient. Nothing is written when
   * verification fails; if decryption fails midway, what was written must be discarded (restore
   * into a scratch location and keep it only when the report is intact). To restore to a file,
   * {@link #restoreTo} does that and leaves nothing readable behind.
   *
   * @param file the backup file
   * @param trustedSigner the key expected to have signed the manifest
   * @param recipientId the recipient's id in the backup
   * @param recipientKeys the recipient's X25519 keyset
   * @param out where the plaintext goes (not closed)
   * @return the report
   */
  public static BackupReport restore(
      Path file, Ed25519PublicKey trustedSigner, String recipientId, Keyset recipientKeys, OutputStream out) {
    List<String> findings = new ArrayList<>();
    Frame f = frame(file, trustedSigner, findings);
    if (f == null || !findings.isEmpty()) {
      return new BackupReport(false, false, 0, Optional.ofNullable(f == null ? null : f.manifest), findings);
    }
    long written = 0;
    SecretBytes dataKey = null;
    try {
      dataKey = unwrap(f, recipientId, recipientKeys);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        ch.position(f.payloadOffset);
        InputStream payload = new java.io.BufferedInputStream(limit(Channels.newInputStream(ch), f.payloadLength), 1 << 16);
        InputStream dec = ChunkedEncryption.decryptingStream(payload, dataKey, f.header);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = dec.read(buf)) > 0) {
          out.write(buf, 0, n);
          written += n;
        }
      }
      if (written != f.manifest.plaintextLength()) {
        findings.add("payload: restored " + written + " bytes, manifest says " + f.manifest.plaintextLength());
      }
    } catch (InsCryptoException e) {
      findings.add(e.getMessage());
    } catch (IOException e) {
      findings.add("io: " + e.getClass().getSimpleName());
    } finally {
      if (dataKey != null) {
        dataKey.destroy();
      }
    }
    return new BackupReport(findings.isEmpty(), findings.isEmpty(), written, Optional.of(f.manifest), findings);
  }

  /**
   * Verifies, decrypts and writes a backup to a file that must not exist, leaving nothing readable
   * behind whatever happens: the plaintext goes first, encrypted under a key held only in memory,
   * to a private directory (0700) beside the target; only when the whole backup verified and
   * decrypted is it decrypted into that directory (0600) and linked to the target, which is never
   * replaced (a file that appeared there meanwhile is kept and the restore fails). A restore that
   * is killed (SIGTERM, SIGKILL) or fails leaves at most ciphertext whose key is gone, which the
   * next restore into the same directory deletes.
   *
   * <pre>{@code
   * BackupReport r = Backup.restoreTo(file, signer, "practice", practiceKeys, Path.of("identities.csv"));
   * if (!r.intact()) alert(r.toJson()); // nothing was written
   * }</pre>
   *
   * @param file the backup file
   * @param trustedSigner the key expected to have signed the manifest
   * @param recipientId the recipient's id in the backup
   * @param recipientKeys the recipient's X25519 keyset
   * @param target the file to create with the plaintext
   * @return the report; the target exists exactly when {@code intact()} is true
   * @throws InsCryptoException IO when the target exists (before or at the end), or when the target's
   *     directory cannot be written
   */
  public static BackupReport restoreTo(
      Path file, Ed25519PublicKey trustedSigner, String recipientId, Keyset recipientKeys, Path target) {
    java.util.Objects.requireNonNull(target, "target == null");
    if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new InsCryptoException(Code.IO, "restore.target", "exists; a restore never replaces a file");
    }
    try (RestoreStaging staging = RestoreStaging.open(SafeFiles.directoryOf(target))) {
      BackupReport r;
      try (OutputStream out = staging.encryptedOutput()) {
        r = restore(file, trustedSigner, recipientId, recipientKeys, out);
      }
      if (r.intact()) {
        staging.publish(target);
      }
      return r;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new InsCryptoException(Code.IO, "restore.target", "a file appeared at the target during the restore;"
          + " it was kept and nothing was restored", e);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "restore.target", "cannot write beside the target ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static SecretBytes unwrap(Frame f, String recipientId, Keyset keys) {
    byte[] ourPublic = BackupRecipient.publicKeyOf(keys);
    for (JsonNode r : f.headerJson.get("recipients")) {
      if (!recipientId.equals(r.get("id").textValue())) {
        continue;
      }
      byte[] epk = unb64(r.get("epk").textValue(), "header.recipients.epk");
      byte[] wk = unb64(r.get("wk").textValue(), "header.recipients.wk");
      if (epk.length != 32) {
        throw new InsCryptoException(Code.MALFORMED, "header.recipients.epk", "must be 32 bytes");
      }
      X25519PrivateKeyParameters priv =
          new X25519PrivateKeyParameters(keys.primary().material().toByteArray(SecretAccess.insecure()), 0);
      X25519Agreement a = new X25519Agreement();
      a.init(priv);
      byte[] shared = new byte[32];
      try {
        a.calculateAgreement(new X25519PublicKeyParameters(epk, 0), shared, 0);
      } catch (IllegalStateException e) {
        throw new InsCryptoException(Code.DECRYPTION_FAILED, "header.recipients.epk", "degenerate ephemeral key", e);
      }
      byte[] info = new ByteWriter().bytes(WRAP_LABEL).u8(0).str16(recipientId).str16(f.manifest.backupId()).toByteArray();
      byte[] wrapKey = Primitives.hkdfSha256(shared, concat(epk, ourPublic), info, 32);
      byte[] dk = AeadCore.open(KeyType.AES_256_GCM, wrapKey, new byte[12], WRAP_LABEL, wk, "header.recipients[" + recipientId + "].wk");
      Arrays.fill(wrapKey, (byte) 0);
      if (dk.length != 32) {
        throw new InsCryptoException(Code.MALFORMED, "header.recipients.wk", "data key must be 32 bytes");
      }
      return SecretBytes.copyOf(dk, SecretAccess.insecure());
    }
    throw new InsCryptoException(Code.UNKNOWN_KEY, "header.recipients", "no recipient '" + recipientId + "' in this backup");
  }

  private static Frame frame(Path file, Ed25519PublicKey trusted, List<String> findings) {
    java.util.Objects.requireNonNull(trusted, "trustedSigner == null");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long min = MAGIC.length + 4L + 2 + ChunkedEncryption.HEADER + ChunkedEncryption.TAG + 2 + 4 + 64 + FOOTER.length;
      if (size < min) {
        findings.add("file: " + size + " bytes is shorter than the smallest backup (" + min + "): truncated");
        return null;
      }
      if (!Arrays.equals(read(ch, 0, MAGIC.length), MAGIC)) {
        findings.add("magic: not an ins-sdk backup (offset 0)");
        return null;
      }
      if (!Arrays.equals(read(ch, size - FOOTER.length, FOOTER.length), FOOTER)) {
        findings.add("footer: missing end marker at offset " + (size - FOOTER.length) + ": truncated or appended to");
        return null;
      }
      long hl = ByteBuffer.wrap(read(ch, MAGIC.length, 4)).getInt() & 0xffffffffL;
      long sigOff = size - FOOTER.length - 64;
      long mlOff = sigOff - 4;
      long ml = ByteBuffer.wrap(read(ch, mlOff, 4)).getInt() & 0xffffffffL;
      long headerOff = MAGIC.length + 4L;
      long payloadOff = headerOff + hl;
      long manifestOff = mlOff - ml;
      if (hl < 2 || hl > MAX_JSON || ml < 2 || ml > MAX_JSON || manifestOff < payloadOff) {
        findings.add("lengths: header (" + hl + ") or manifest (" + ml + ") length is out of range for a file of " + size + " bytes");
        return null;
      }
      Frame f = new Frame();
      f.header = read(ch, headerOff, (int) hl);
      f.payloadOffset = payloadOff;
      f.payloadLength = manifestOff - payloadOff;
      f.manifestBytes = read(ch, manifestOff, (int) ml);
      f.signature = read(ch, sigOff, 64);
      if (!trusted.verify(concat(SIG_LABEL, f.manifestBytes), f.signature)) {
        findings.add(
            "signature: the manifest (offsets " + manifestOff + ".." + (mlOff - 1) + ") is not signed by the trusted key"
                + " (manifest or signature at offset " + sigOff + " modified, or another signer)");
      }
      try {
        f.manifest = BackupManifest.parse(f.manifestBytes);
      } catch (InsCryptoException e) {
        findings.add(e.getMessage());
        return null;
      }
      try {
        f.headerJson = CanonicalJson.parse(f.header, "header");
        checkHeader(f.headerJson);
      } catch (InsCryptoException e) {
        findings.add(e.getMessage());
      }
      if (!f.manifest.signer().equals(trusted.toBase64())) {
        findings.add("manifest.signer: names another key than the trusted one");
      }
      if (!f.manifest.headerSha256().equals(b64(Primitives.sha256(f.header)))) {
        findings.add("header: SHA-256 differs from the manifest (header modified at offsets " + headerOff + ".." + (payloadOff - 1) + ")");
      }
      if (f.headerJson != null && !f.manifest.backupId().equals(f.headerJson.path("backupId").asText())) {
        findings.add("header.backupId: differs from the manifest");
      }
      if (f.payloadLength != f.manifest.payloadLength()) {
        findings.add("payload: length " + f.payloadLength + " differs from the manifest's " + f.manifest.payloadLength() + " (truncated or extended)");
      }
      long pl = f.manifest.plaintextLength();
      long expected = ChunkedEncryption.HEADER + (pl / ChunkedEncryption.CHUNK + 1) * ChunkedEncryption.TAG + pl;
      if (pl < 0 || expected != f.manifest.payloadLength()) {
        findings.add("manifest: payload length does not match the plaintext length under the chunked format");
      }
      MessageDigest d = Primitives.sha256Digest();
      ch.position(payloadOff);
      InputStream in = limit(Channels.newInputStream(ch), f.payloadLength);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
      if (!f.manifest.payloadSha256().equals(b64(d.digest()))) {
        findings.add("payload: SHA-256 differs from the manifest (payload modified between offsets " + payloadOff + " and " + (manifestOff - 1) + ")");
      }
      return f;
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "backup.file", "cannot read the backup", e);
    }
  }

  private static void checkHeader(JsonNode h) {
    CanonicalJson.requireFields(h, "header", HEADER_FIELDS, List.of());
    if (!HEADER_FORMAT.equals(CanonicalJson.text(h, "format", "header"))
        || !ChunkedEncryption.AEAD.equals(CanonicalJson.text(h, "aead", "header"))) {
      throw new InsCryptoException(Code.MALFORMED, "header.format", "unsupported format or AEAD");
    }
    JsonNode rs = h.get("recipients");
    if (!rs.isArray() || rs.isEmpty() || rs.size() > 16) {
      throw new InsCryptoException(Code.MALFORMED, "header.recipients", "expected 1..16 recipients");
    }
    for (JsonNode r : rs) {
      if (!r.isObject()) {
        throw new InsCryptoException(Code.MALFORMED, "header.recipients", "expected objects");
      }
      CanonicalJson.requireFields(r, "header.recipients", List.of("epk", "id", "wk"), List.of());
      CanonicalJson.text(r, "id", "header.recipients");
      CanonicalJson.text(r, "epk", "header.recipients");
      CanonicalJson.text(r, "wk", "header.recipients");
    }
  }

  private static InputStream limit(InputStream in, long limit) {
    return new InputStream() {
      long left = limit;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = in.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  private static byte[] read(FileChannel ch, long pos, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    return b.array();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static byte[] unb64(String s, String field) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, field, "not base64", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
