package dev.ins.security.breach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a {@link BreachRegister} in one file, so the register survives restarts and the practice's
 * posture report and incident mode can read it.
 *
 * <p>Format: one canonical JSON object {@code {"format":"ins-sdk/breach-register/v1","records":[...]}},
 * each record with {@code id, awareAt, nature, categories, likelyConsequences, measures,
 * reasonNotNotifiedOrLate} and {@code notifiedAt} when notified. Reading is strict (every rule of
 * {@link BreachRecord}, bounded to 4 MiB); saving replaces the file atomically. A missing file is
 * an empty register.
 *
 * <pre>{@code
 * BreachRegister reg = BreachRegisterFile.load(path);
 * reg.record(BreachRecord.of("2026-001", awareAt, "rançongiciel", Set.of(DataCategory.HEALTH), "...", "..."));
 * BreachRegisterFile.save(reg, path);
 * }</pre>
 */
public final class BreachRegisterFile {
  /** The format marker. */
  public static final String FORMAT = "ins-sdk/breach-register/v1";
  /** The largest file read. */
  public static final long MAX_BYTES = 4L << 20;

  private BreachRegisterFile() {}

  /**
   * Reads a register file.
   *
   * @param file the file (absent means empty)
   * @return the register
   * @throws InsCryptoException MALFORMED naming the record and field, IO when unreadable
   */
  public static BreachRegister load(Path file) {
    Objects.requireNonNull(file, "file == null");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InsCryptoException(Code.MALFORMED, "breachRegister", "larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new BreachRegister();
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "breachRegister.file", "cannot read the breach register", e);
    }
    return parse(bytes);
  }

  /**
   * Parses a register.
   *
   * @param bytes the canonical JSON (a trailing newline is tolerated)
   * @return the register
   */
  public static BreachRegister parse(byte[] bytes) {
    byte[] body = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    JsonNode n = CanonicalJson.parse(body, "breachRegister");
    CanonicalJson.requireFields(n, "breachRegister", List.of("format", "records"), List.of());
    if (!FORMAT.equals(CanonicalJson.text(n, "format", "breachRegister"))) {
      throw new InsCryptoException(Code.MALFORMED, "breachRegister.format", "expected " + FORMAT);
    }
    JsonNode records = n.get("records");
    if (!records.isArray()) {
      throw new InsCryptoException(Code.MALFORMED, "breachRegister.records", "expected an array");
    }
    BreachRegister reg = new BreachRegister();
    for (int i = 0; i < records.size(); i++) {
      String field = "breachRegister.records[" + i + "]";
      JsonNode r = records.get(i);
      if (!r.isObject()) {
        throw new InsCryptoException(Code.MALFORMED, field, "expected an object");
      }
      CanonicalJson.requireFields(r, field,
          List.of("id", "awareAt", "nature", "categories", "likelyConsequences", "measures", "reasonNotNotifiedOrLate"),
          List.of("notifiedAt"));
      Set<DataCategory> cats = EnumSet.noneOf(DataCategory.class);
      JsonNode c = r.get("categories");
      if (!c.isArray()) {
        throw new InsCryptoException(Code.MALFORMED, field + ".categories", "expected an array");
      }
      for (JsonNode x : c) {
        try {
          cats.add(DataCategory.valueOf(x.asText()));
        } catch (IllegalArgumentException e) {
          throw new InsCryptoException(Code.MALFORMED, field + ".categories", "unknown data category", e);
        }
      }
      Optional<Instant> notified = r.has("notifiedAt")
          ? Optional.of(instant(CanonicalJson.text(r, "notifiedAt", field), field + ".notifiedAt"))
          : Optional.empty();
      try {
        reg.record(new BreachRecord(
            CanonicalJson.text(r, "id", field),
            instant(CanonicalJson.text(r, "awareAt", field), field + ".awareAt"),
            CanonicalJson.text(r, "nature", field),
            cats,
            CanonicalJson.text(r, "likelyConsequences", field),
            CanonicalJson.text(r, "measures", field),
            notified,
            CanonicalJson.text(r, "reasonNotNotifiedOrLate", field)));
      } catch (IllegalArgumentException e) {
        throw new InsCryptoException(Code.MALFORMED, field, e.getMessage(), e);
      }
    }
    return reg;
  }

  private static Instant instant(String s, String field) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new InsCryptoException(Code.MALFORMED, field, "not an ISO-8601 instant", e);
    }
  }

  /**
   * Formats a register.
   *
   * @param register the register
   * @return canonical JSON text with a trailing newline
   */
  public static String format(BreachRegister register) {
    ObjectNode o = CanonicalJson.object();
    o.put("format", FORMAT);
    ArrayNode arr = o.putArray("records");
    for (BreachRecord r : register.all()) {
      ObjectNode x = arr.addObject();
      x.put("id", r.id());
      x.put("awareAt", r.awareAt().toString());
      x.put("nature", r.nature());
      ArrayNode cats = x.putArray("categories");
      r.categories().stream().sorted().forEach(k -> cats.add(k.name()));
      x.put("likelyConsequences", r.likelyConsequences());
      x.put("measures", r.measures());
      r.notifiedAt().ifPresent(t -> x.put("notifiedAt", t.toString()));
      x.put("reasonNotNotifiedOrLate", r.reasonNotNotifiedOrLate());
    }
    return CanonicalJson.toText(o) + "\n";
  }

  /**
   * Saves a register, replacing the file atomically.
   *
   * @param register the register
   * @param file the file
   */
  public static void save(BreachRegister register, Path file) {
    Objects.requireNonNull(register, "register == null");
    byte[] text = format(register).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".breach-register", ".tmp");
      try {
        Files.write(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "breachRegister.file", "cannot write the breach register", e);
    }
  }
}
