package dev.ins.security.audit;

import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An append-only, tamper-evident audit log of access to identity data, stored as one canonical
 * JSON {@link AuditEntry} per line and hashed into an RFC 6962 {@link MerkleTree}.
 *
 * <p>Each append is written and flushed to disk ({@code fsync}) before it returns. The file is
 * never rewritten, and it is locked while open so that only one writer appends. Signed {@link Checkpoint}s commit to the whole history; keep them off the host
 * and give them to {@link AuditVerifier}, which detects modification, deletion, reordering and
 * truncation. Thread-safe.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.open(Path.of("audit.jsonl"))) {
 *   log.append(AuditEntry.of(Instant.now(), "user-7", "identity.read", pseudonym.format(), "ok"));
 *   Files.writeString(Path.of("audit.cp"), log.checkpoint("cab-42/audit", "cab-42", key).format());
 * }
 * }</pre>
 */
public final class AuditLog implements AutoCloseable {
  /** The largest accepted line, in bytes. */
  public static final int MAX_LINE = 16384;

  private final Path file;
  private final FileChannel channel;
  private final MerkleTree tree = new MerkleTree();

  private AuditLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens (or creates) a log file and replays it into the tree. Every line must be a valid
   * canonical entry; a damaged log is refused here and diagnosed by {@link AuditVerifier}.
   *
   * @param file the log file
   * @return the open log
   * @throws InsCryptoException MALFORMED naming the first bad line, IO when unreadable
   */
  public static AuditLog open(Path file) {
    return open(file, true);
  }

  /**
   * Opens a log file that must exist (never creates an empty one: a mistyped path is an error,
   * not a new log) and replays it into the tree.
   *
   * @param file the log file
   * @return the open log
   * @throws InsCryptoException IO when the file does not exist or is unreadable, MALFORMED naming
   *     the first bad line
   */
  public static AuditLog openExisting(Path file) {
    return open(file, false);
  }

  private static AuditLog open(Path file, boolean create) {
    Objects.requireNonNull(file, "file == null");
    try {
      FileChannel ch = create
          ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
          : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      AuditLog log = new AuditLog(file, ch);
      try {
        // One writer at a time: a second writer would interleave lines and fork the tree.
        if (ch.tryLock() == null) {
          throw new InsCryptoException(Code.IO, "auditLog.file", "the audit log is open for writing elsewhere");
        }
        Lines.read(
            file,
            (line) -> {
              if (!line.terminated()) {
                throw new InsCryptoException(
                    Code.MALFORMED, "auditLog.line[" + line.index() + "]", "unterminated last line (interrupted write?)");
              }
              try {
                AuditEntry.parse(line.bytes());
              } catch (InsCryptoException e) {
                throw new InsCryptoException(
                    Code.MALFORMED, "auditLog.line[" + line.index() + "]", e.getMessage(), e);
              }
              log.tree.append(line.bytes());
            });
      } catch (java.nio.channels.OverlappingFileLockException e) {
        ch.close();
        throw new InsCryptoException(Code.IO, "auditLog.file", "the audit log is already open in this process", e);
      } catch (RuntimeException e) {
        ch.close();
        throw e;
      }
      return log;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "no such file (an existing log was required)", e);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "cannot open the audit log", e);
    }
  }

  /**
   * Appends an entry and flushes it to disk.
   *
   * @param entry the entry
   * @return its index
   */
  public synchronized long append(AuditEntry entry) {
    byte[] json = entry.toCanonicalJson();
    if (json.length > MAX_LINE) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "auditEntry", "longer than " + MAX_LINE + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n');
    buf.flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "cannot append to the audit log", e);
    }
    return tree.append(json);
  }

  /**
   * Returns the number of entries.
   *
   * @return the size
   */
  public synchronized long size() {
    return tree.size();
  }

  /**
   * Returns the current root.
   *
   * @return 32 bytes
   */
  public synchronized byte[] root() {
    return tree.root();
  }

  /**
   * Signs a checkpoint of the current state.
   *
   * @param origin the log's unique name
   * @param keyName the signer's name
   * @param key the signing key
   * @return the checkpoint
   */
  public synchronized Checkpoint checkpoint(String origin, String keyName, Ed25519SigningKey key) {
    return Checkpoint.sign(origin, tree.size(), tree.root(), keyName, key);
  }

  /**
   * Proves that entry {@code index} is in the tree of {@code treeSize} entries.
   *
   * @param index the entry
   * @param treeSize the tree size
   * @return the proof
   */
  public synchronized InclusionProof inclusionProof(long index, long treeSize) {
    return tree.inclusionProof(index, treeSize);
  }

  /**
   * Proves that the log at {@code first} entries is a prefix of the log at {@code second}.
   *
   * @param first the older size
   * @param second the newer size
   * @return the proof
   */
  public synchronized ConsistencyProof consistencyProof(long first, long second) {
    return tree.consistencyProof(first, second);
  }

  /**
   * Reads every entry back from the file (for queries such as the breach kit's).
   *
   * @return the entries in order
   */
  public synchronized List<AuditEntry> entries() {
    List<AuditEntry> out = new ArrayList<>();
    try {
      Lines.read(file, line -> out.add(AuditEntry.parse(line.bytes())));
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "cannot read the audit log", e);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "cannot close the audit log", e);
    }
  }

  /** Splits a file into newline-terminated lines, bounded in length. */
  static final class Lines {
    private Lines() {}

    record Line(long index, byte[] bytes, boolean terminated) {}

    static void read(Path file, Consumer<Line> sink) throws IOException {
      if (!Files.exists(file)) {
        return;
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        read(in, sink);
      }
    }

    static void read(InputStream in, Consumer<Line> sink) throws IOException {
      byte[] buf = new byte[1 << 16];
      ByteArrayOutputStream cur = new ByteArrayOutputStream();
      long index = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            if (cur.size() + (i - start) > MAX_LINE) {
              throw tooLong(index);
            }
            cur.write(buf, start, i - start);
            sink.accept(new Line(index++, cur.toByteArray(), true));
            cur.reset();
            start = i + 1;
          }
        }
        if (cur.size() + (n - start) > MAX_LINE) {
          throw tooLong(index);
        }
        cur.write(buf, start, n - start);
      }
      if (cur.size() > 0) {
        sink.accept(new Line(index, cur.toByteArray(), false));
      }
    }

    private static InsCryptoException tooLong(long index) {
      return new InsCryptoException(Code.MALFORMED, "auditLog.line[" + index + "]", "longer than " + MAX_LINE + " bytes");
    }
  }
}
