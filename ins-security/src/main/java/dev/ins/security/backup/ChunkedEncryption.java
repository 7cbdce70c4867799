package dev.ins.security.backup;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyType;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import dev.ins.security.internal.AeadCore;
import dev.ins.security.internal.ByteWriter;
import dev.ins.security.internal.Primitives;
import dev.ins.security.internal.Rng;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming authenticated encryption with key commitment: C2SP chunked-encryption
 * ("Cobblestone") with AES-256-GCM and HKDF-SHA-512.
 *
 * <p>Format: 24-byte random salt, 32-byte commitment, then 16 KiB chunks each sealed with
 * AES-256-GCM under a nonce that is the base nonce XOR the chunk number; the last chunk is always
 * shorter than 16 KiB (possibly empty). Key, base nonce and commitment come from {@code
 * HKDF-Expand-SHA-512(key, "c2sp.org/chunked-encryption@v1+AEAD_AES_256_GCM" || 0x00 || salt ||
 * context)}. The commitment is checked before any chunk is decrypted, so a ciphertext opens under
 * one key and one context only. Truncation, reordering, duplication, trailing data and bit flips
 * all fail with {@link InsCryptoException}. A decrypting stream may hand out plaintext of verified
 * chunks before it detects a later error: write to a scratch place and keep the result only when
 * the stream reached its end without error.
 *
 * <pre>{@code
 * try (OutputStream enc = ChunkedEncryption.encryptingStream(out, key, context)) {
 *   in.transferTo(enc);
 * }
 * try (InputStream dec = ChunkedEncryption.decryptingStream(in, key, context)) {
 *   dec.transferTo(scratch);
 * }
 * }</pre>
 */
public final class ChunkedEncryption {
  /** The AEAD name from the IANA registry, bound into the key derivation. */
  public static final String AEAD = "AEAD_AES_256_GCM";

  /** Plaintext bytes per full chunk. */
  public static final int CHUNK = 16384;

  /** Salt length. */
  public static final int SALT = 24;

  /** Commitment length. */
  public static final int COMMITMENT = 32;

  /** Salt plus commitment. */
  public static final int HEADER = SALT + COMMITMENT;

  /** Tag length. */
  public static final int TAG = 16;

  private static final long MAX_CHUNKS = 1L << 38;
  private static final byte[] LABEL = ("c2sp.org/chunked-encryption@v1+" + AEAD).getBytes(StandardCharsets.US_ASCII);

  private ChunkedEncryption() {}

  /** Key, base nonce and commitment of one message. */
  private static final class Derived {
    final byte[] key;
    final byte[] nonce;
    final byte[] commitment;

    Derived(byte[] okm) {
      key = Arrays.copyOfRange(okm, 0, 32);
      nonce = Arrays.copyOfRange(okm, 32, 44);
      commitment = Arrays.copyOfRange(okm, 44, 76);
    }
  }

  private static Derived derive(SecretBytes inputKey, byte[] salt, byte[] context) {
    if (inputKey.size() != 32) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "key", "Cobblestone-256 needs a 32-byte key, got " + inputKey.size());
    }
    byte[] info = new ByteWriter().bytes(LABEL).u8(0).bytes(salt).bytes(context).toByteArray();
    byte[] ikm = inputKey.toByteArray(SecretAccess.insecure());
    try {
      return new Derived(Primitives.hkdfExpandSha512(ikm, info, 76));
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  private static byte[] nonce(byte[] base, long counter) {
    if (counter >= MAX_CHUNKS) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "chunk", "more than 2^38 chunks");
    }
    byte[] n = base.clone();
    for (int i = 0; i < 8; i++) {
      n[11 - i] ^= (byte) (counter >>> (8 * i));
    }
    return n;
  }

  /**
   * Returns a stream that encrypts what is written to it; {@link OutputStream#close()} writes the
   * final chunk and closes {@code out}.
   *
   * @param out where the ciphertext goes
   * @param key the 32-byte input key, used for one message per salt
   * @param context application context bound to the ciphertext (may be empty)
   * @return the encrypting stream
   */
  public static OutputStream encryptingStream(OutputStream out, SecretBytes key, byte[] context) {
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(context, "context == null");
    byte[] salt = Rng.bytes(SALT);
    Derived d = derive(key, salt, context);
    return new Encryptor(out, d, salt);
  }

  private static final class Encryptor extends FilterOutputStream {
    private final Derived d;
    private final byte[] salt;
    private final byte[] buf = new byte[CHUNK];
    private int used;
    private long counter;
    private boolean started;
    private boolean closed;

    Encryptor(OutputStream out, Derived d, byte[] salt) {
      super(out);
      this.d = d;
      this.salt = salt;
    }

    private void start() throws IOException {
      if (!started) {
        out.write(salt);
        out.write(d.commitment);
        started = true;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw new IOException("stream closed");
      }
      start();
      while (len > 0) {
        if (used == CHUNK) {
          flushChunk();
        }
        int n = Math.min(len, CHUNK - used);
        System.arraycopy(b, off, buf, used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    private void flushChunk() throws IOException {
      out.write(AeadCore.seal(KeyType.AES_256_GCM, d.key, nonce(d.nonce, counter++), new byte[0], Arrays.copyOf(buf, used)));
      used = 0;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      start();
      if (used == CHUNK) {
        flushChunk();
      }
      flushChunk(); // the final, short (possibly empty) chunk
      closed = true;
      Arrays.fill(buf, (byte) 0);
      out.close();
    }
  }

  /**
   * Returns a stream that decrypts and authenticates {@code in}. Reading throws (as the cause of
   * an {@link IOException}, or directly) an {@link InsCryptoException} at the first problem.
   *
   * @param in the ciphertext
   * @param key the 32-byte input key
   * @param context the context used at encryption
   * @return the plaintext stream
   * @throws InsCryptoException MALFORMED for a short header, DECRYPTION_FAILED when the
   *     commitment does not match (wrong key or context, modified header)
   */
  public static InputStream decryptingStream(InputStream in, SecretBytes key, byte[] context) {
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(context, "context == null");
    if (key.size() != 32) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "key", "Cobblestone-256 needs a 32-byte key, got " + key.size());
    }
    byte[] header = readUpTo(in, HEADER);
    if (header.length < HEADER) {
      throw new InsCryptoException(Code.MALFORMED, "chunked.header", "truncated: " + header.length + " of " + HEADER + " header bytes");
    }
    Derived d = derive(key, Arrays.copyOf(header, SALT), context);
    if (!MessageDigest.isEqual(d.commitment, Arrays.copyOfRange(header, SALT, HEADER))) {
      throw new InsCryptoException(
          Code.DECRYPTION_FAILED, "chunked.commitment", "key commitment mismatch (wrong key, wrong context or modified header)");
    }
    return new Decryptor(in, d);
  }

  private static byte[] readUpTo(InputStream in, int n) {
    try {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "chunked", "cannot read the ciphertext", e);
    }
  }

  private static final class Decryptor extends InputStream {
    private final InputStream in;
    private final Derived d;
    private byte[] plain = new byte[0];
    private int pos;
    private long counter;
    private boolean done;

    Decryptor(InputStream in, Derived d) {
      this.in = in;
      this.d = d;
    }

    private boolean fill() {
      while (pos == plain.length) {
        if (done) {
          return false;
        }
        byte[] chunk = readUpTo(in, CHUNK + TAG);
        if (chunk.length < TAG) {
          throw new InsCryptoException(
              Code.MALFORMED, "chunked.chunk[" + counter + "]", "truncated: the final short chunk is missing or cut");
        }
        boolean last = chunk.length < CHUNK + TAG;
        plain = AeadCore.open(KeyType.AES_256_GCM, d.key, nonce(d.nonce, counter), new byte[0], chunk, "chunked.chunk[" + counter + "]");
        counter++;
        pos = 0;
        if (last) {
          done = true;
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, plain.length - pos);
      System.arraycopy(plain, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Encrypts a whole message in memory.
   *
   * @param plaintext the message
   * @param key the 32-byte key
   * @param context the context
   * @return the ciphertext
   */
  public static byte[] encrypt(byte[] plaintext, SecretBytes key, byte[] context) {
    ByteArrayOutputStream bout = new ByteArrayOutputStream();
    try (OutputStream enc = encryptingStream(bout, key, context)) {
      enc.write(plaintext);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bout.toByteArray();
  }

  /**
   * Decrypts a whole message in memory; nothing is returned unless every chunk verified.
   *
   * @param ciphertext the ciphertext
   * @param key the 32-byte key
   * @param context the context
   * @return the plaintext
   * @throws InsCryptoException on any tampering, truncation, wrong key or context
   */
  public static byte[] decrypt(byte[] ciphertext, SecretBytes key, byte[] context) {
    try (InputStream dec = decryptingStream(new ByteArrayInputStream(ciphertext), key, context)) {
      return dec.readAllBytes();
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "chunked", "read failed", e);
    }
  }
}
