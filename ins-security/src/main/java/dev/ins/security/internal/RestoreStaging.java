package dev.ins.security.internal;

import dev.ins.security.SecretBytes;
import dev.ins.security.backup.ChunkedEncryption;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a restore writes before its result appears: a private directory (0700) next to the target,
 * holding the plaintext encrypted under a key that lives only in this process's memory. A restore
 * killed at any point (SIGTERM, SIGKILL, a crash) or failing leaves nothing readable: at most this
 * directory with ciphertext whose key died with the process, deleted by the next restore in the
 * same directory. Only a verified, fully decrypted backup is decrypted once more into a file of
 * the directory and linked to the target, never replacing a file that appeared meanwhile (or, for
 * a restore drill's check, into a file without a name where the system allows it).
 *
 * <p>Each directory holds a lock file locked while its restore runs: a later restore deletes only
 * directories whose lock it can take (their process is gone).
 */
public final class RestoreStaging implements AutoCloseable {

  /** The hidden name prefix of staging directories. */
  public static final String PREFIX = ".ins-restore-";

  private static final Logger LOG = LoggerFactory.getLogger(RestoreStaging.class);
  private static final byte[] CONTEXT = "ins-sdk/restore-staging/v1".getBytes(StandardCharsets.US_ASCII);
  /** A directory without a lock file is stale once older than this (it was killed being created). */
  private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(1);

  /** Test hook: told the staging file's path once {@link #HOOK_AFTER} bytes are staged (mid-restore). */
  static volatile Consumer<Path> onStagedBytes = p -> { };
  /** Staged bytes after which the test hook is told (several chunks into the restore). */
  static final long HOOK_AFTER = 64 * 1024;

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final SecretBytes key = SecretBytes.random(32);
  private FileChannel revealed;

  private RestoreStaging(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Deletes the staging directories left in {@code parent} by restores that are no longer running,
   * then creates a new one.
   *
   * @param parent the target's directory
   * @return the staging area
   * @throws IOException when the directory cannot be written
   */
  public static RestoreStaging open(Path parent) throws IOException {
    cleanStale(parent);
    Path dir = SafeFiles.createPrivateDirectory(parent, PREFIX);
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve("lock"), Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          SafeFiles.privateFile());
      return new RestoreStaging(dir, ch, ch.lock());
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      SafeFiles.deleteTree(dir);
      throw e;
    }
  }

  /**
   * Deletes the staging directories of restores that are no longer running.
   *
   * @param parent the directory to clean
   * @return how many were deleted
   */
  public static int cleanStale(Path parent) {
    int deleted = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path d : s) {
        if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) && stale(d)) {
          SafeFiles.deleteTree(d);
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.warn("stale restore staging in the target directory could not be cleaned ({})", e.getClass().getSimpleName());
    }
    return deleted;
  }

  private static boolean stale(Path d) throws IOException {
    Path lockFile = d.resolve("lock");
    if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      FileTime t = Files.getLastModifiedTime(d, LinkOption.NOFOLLOW_LINKS);
      return t.toInstant().isBefore(Instant.now().minus(UNLOCKED_GRACE));
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return false; // another process restores there now
      }
      l.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // a restore of this process
    } catch (NoSuchFileException e) {
      return false; // finished meanwhile
    }
  }

  /**
   * Returns the stream the restored plaintext is written to, encrypted on its way to disk.
   *
   * @return the stream; close it before {@link #publish(Path)}
   * @throws IOException when the staging file cannot be created
   */
  public OutputStream encryptedOutput() throws IOException {
    Path staged = dir.resolve("staged");
    FileChannel ch = FileChannel.open(staged, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        SafeFiles.privateFile());
    OutputStream file = new java.io.FilterOutputStream(Channels.newOutputStream(ch)) {
      private long written;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        long before = written;
        written += len;
        if (before < HOOK_AFTER && written >= HOOK_AFTER) {
          onStagedBytes.accept(staged);
        }
      }
    };
    return ChunkedEncryption.encryptingStream(file, key, CONTEXT);
  }

  /**
   * Decrypts the staged plaintext into the staging directory and links it to {@code target}.
   *
   * @param target the restored file's name; must not exist
   * @throws java.nio.file.FileAlreadyExistsException when a file is at the target (not replaced)
   * @throws IOException when it cannot be written
   */
  public void publish(Path target) throws IOException {
    Path part = dir.resolve("restored");
    try (FileChannel out = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        SafeFiles.privateFile())) {
      decryptInto(out);
      out.force(true);
    }
    SafeFiles.linkNoReplace(part, target);
  }

  /**
   * Decrypts the staged plaintext for a check that needs a file, and returns a path to it that
   * stays valid until {@link #close()}. Where the system shows a process's open files under
   * {@code /proc/<pid>/fd} (Linux), the file is unlinked before any plaintext goes into it: it has
   * no name in any directory, the returned path is that {@code /proc} link, and the kernel frees
   * it when this process closes it or dies, even by SIGKILL. Elsewhere it is a 0600 file of the
   * private directory, deleted by {@link #close()} or, after a kill, by the next restore there.
   *
   * @return the path of the plaintext, for reading only
   * @throws IOException when it cannot be written
   */
  public Path revealForCheck() throws IOException {
    if (revealed != null) {
      throw new IllegalStateException("already revealed");
    }
    Path part = dir.resolve("checked");
    FileChannel ch = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE), SafeFiles.privateFile());
    revealed = ch;
    Path readable = part;
    Path fds = Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "fd");
    if (Files.isDirectory(fds)) {
      Object file = Files.readAttributes(part, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      Files.delete(part);
      readable = openFile(fds, file);
    }
    decryptInto(ch);
    return readable;
  }

  /** The {@code /proc/<pid>/fd} link to the open file whose device and inode are {@code fileKey}. */
  private static Path openFile(Path fds, Object fileKey) throws IOException {
    if (fileKey != null) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
        for (Path fd : s) {
          try {
            if (fileKey.equals(Files.readAttributes(fd, BasicFileAttributes.class).fileKey())) {
              return fd;
            }
          } catch (IOException e) {
            // closed meanwhile (another thread's file): not ours
          }
        }
      }
    }
    throw new IOException("the unlinked check file is not listed under " + fds);
  }

  private void decryptInto(FileChannel out) throws IOException {
    try (InputStream in = ChunkedEncryption.decryptingStream(
        new BufferedInputStream(Files.newInputStream(dir.resolve("staged")), 1 << 16), key, CONTEXT)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
        while (bb.hasRemaining()) {
          out.write(bb);
        }
      }
    }
  }

  /**
   * Returns the staging directory (for tests).
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /** Forgets the key and deletes the staging directory. */
  @Override
  public void close() throws IOException {
    key.destroy();
    try {
      if (revealed != null) {
        revealed.close();
      }
      lock.release();
      lockChannel.close();
    } finally {
      SafeFiles.deleteTree(dir);
    }
  }
}
