package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File handling for secrets and patient data: files created private (0600, directories 0700) from
 * the start, bounded reads of small inputs, and outputs that appear complete or not at all and never
 * replace a file.
 */
public final class SafeFiles {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private SafeFiles() {}

  /**
   * The attribute giving a new file mode 0600 on POSIX file systems (none elsewhere).
   *
   * @return the attributes for {@code Files.newByteChannel}/{@code createFile}
   */
  static FileAttribute<?>[] privateFile() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] privateDirectory() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
        : new FileAttribute<?>[0];
  }

  /**
   * Reads a small file whole, refusing more than {@code max} bytes without reading further (a
   * device such as {@code /dev/zero} or a huge file ends in a clear error, not in memory
   * exhaustion). Works for pipes too.
   *
   * @param file the file
   * @param max the largest accepted size in bytes
   * @param field the name used in errors, e.g. {@code "keyFile"}
   * @return the bytes
   * @throws InsCryptoException IO when missing or unreadable, POLICY_VIOLATION when larger than max
   */
  public static byte[] readBounded(Path file, int max, String field) {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf, 0, (int) Math.min(buf.length, max + 1L - out.size()))) > 0) {
        out.write(buf, 0, n);
        if (out.size() > max) {
          throw new InsCryptoException(Code.POLICY_VIOLATION, field, "larger than " + max + " bytes; not read");
        }
      }
      return out.toByteArray();
    } catch (NoSuchFileException e) {
      throw new InsCryptoException(Code.IO, field, "no such file", e);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, field, "cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Creates a file that must not exist, mode 0600 from its creation, writes it and flushes it to
   * disk; on failure nothing is left.
   *
   * @param file the file
   * @param content the bytes
   * @throws FileAlreadyExistsException when the file exists (it is left untouched)
   * @throws IOException when it cannot be written
   */
  public static void createPrivate(Path file, byte[] content) throws IOException {
    try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        privateFile())) {
      try {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }
  }

  /**
   * A file being written beside its target under a hidden name (mode 0600), that appears at the
   * target only complete ({@link #publish()}) and is deleted otherwise ({@link #close()}).
   */
  public static final class Staged implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final boolean replacing;
    private boolean published;

    private Staged(Path target, Path part, FileChannel channel, boolean replacing) {
      this.target = target;
      this.part = part;
      this.channel = channel;
      this.replacing = replacing;
    }

    /**
     * Returns the stream to write the content to (closing it does not publish).
     *
     * @return the stream
     */
    public OutputStream stream() {
      return new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }

    /**
     * Returns the hidden file's path (for tests).
     *
     * @return the path
     */
    public Path part() {
      return part;
    }

    /**
     * Flushes to disk and puts the file at its target: never replacing a file that is there (one
     * that appeared meanwhile included), or, when staged with {@link #stageReplacing}, replacing it
     * in one atomic rename.
     *
     * @throws FileAlreadyExistsException when the target exists (nothing is replaced)
     * @throws IOException when it cannot be done
     */
    public void publish() throws IOException {
      channel.force(true);
      channel.close();
      if (replacing) {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        linkNoReplace(part, target);
      }
      published = true;
      Files.deleteIfExists(part);
    }

    /** Deletes the hidden file unless published; idempotent. */
    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(part);
      }
    }

    /**
     * Tells whether {@link #publish()} succeeded.
     *
     * @return true once published
     */
    public boolean published() {
      return published;
    }
  }

  /**
   * Starts writing a file that appears at {@code target} only once complete.
   *
   * @param target the file to create; must not exist
   * @param purpose a short word for the hidden name, e.g. {@code "backup"}
   * @return the staged file
   * @throws FileAlreadyExistsException when the target exists already
   * @throws IOException when the directory cannot be written
   */
  public static Staged stage(Path target, String purpose) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    return staged(target, purpose, false);
  }

  /**
   * Starts writing a file that replaces {@code target} atomically once complete (the caller chose
   * to replace it); until then the old content stays whole.
   *
   * @param target the file to write
   * @param purpose a short word for the hidden name
   * @return the staged file
   * @throws IOException when the directory cannot be written
   */
  public static Staged stageReplacing(Path target, String purpose) throws IOException {
    return staged(target, purpose, true);
  }

  private static Staged staged(Path target, String purpose, boolean replacing) throws IOException {
    Path part = directoryOf(target).resolve(".ins-" + purpose + "-" + random() + ".part");
    FileChannel ch = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), privateFile());
    return new Staged(target, part, ch, replacing);
  }

  /**
   * Puts {@code source} at {@code target} without ever replacing a file there: a hard link, which
   * the system refuses atomically when the target exists. On a file system without hard links,
   * a move that checks first (a narrow window remains).
   *
   * @param source an existing file
   * @param target the name to give it
   * @throws FileAlreadyExistsException when the target exists
   * @throws IOException on failure
   */
  public static void linkNoReplace(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (UnsupportedOperationException e) {
      Files.move(source, target); // no REPLACE_EXISTING: refuses an existing target
    }
  }

  /**
   * Creates a private directory (0700 from its creation) with a fresh hidden name.
   *
   * @param parent where to create it
   * @param prefix its name's prefix, e.g. {@code ".ins-restore-"}
   * @return the new directory
   * @throws IOException when it cannot be created
   */
  public static Path createPrivateDirectory(Path parent, String prefix) throws IOException {
    return Files.createDirectory(parent.resolve(prefix + random()), privateDirectory());
  }

  /**
   * Deletes a directory and what it holds; quiet about what is already gone.
   *
   * @param dir the directory
   * @throws IOException when something cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  /**
   * Returns the directory a file is (to be) in.
   *
   * @param file the file
   * @return its absolute parent directory
   */
  public static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }

  private static String random() {
    return HexFormat.of().formatHex(Rng.bytes(8));
  }
}
