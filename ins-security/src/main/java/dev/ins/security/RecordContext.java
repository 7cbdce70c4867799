package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.ByteWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where an encrypted value lives: table, column and row id. It is bound into every record
 * ciphertext, so a ciphertext copied to another row, column or table does not decrypt.
 *
 * <p>Each part is non-blank, has no control characters and is at most 256 UTF-8 bytes. The row id
 * must be a stable technical key (never a matricule or a name).
 *
 * <pre>{@code
 * RecordContext ctx = RecordContext.of("patient", "ins_matricule", "42");
 * }</pre>
 *
 * @param table the table (or collection) name
 * @param column the column (or field) name
 * @param rowId the stable technical id of the row
 */
public record RecordContext(String table, String column, String rowId) {

  /**
   * Validates the parts.
   *
   * @param table non-blank, at most 256 UTF-8 bytes, no control characters
   * @param column same rules
   * @param rowId same rules
   */
  public RecordContext {
    check("table", table);
    check("column", column);
    check("rowId", rowId);
  }

  /**
   * Creates a context.
   *
   * @param table the table
   * @param column the column
   * @param rowId the row id
   * @return the context
   * @throws InsCryptoException POLICY_VIOLATION naming the part that breaks a rule
   */
  public static RecordContext of(String table, String column, String rowId) {
    return new RecordContext(table, column, rowId);
  }

  private static void check(String field, String v) {
    if (v == null || v.isBlank()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "context." + field, "must not be blank");
    }
    if (v.getBytes(StandardCharsets.UTF_8).length > 256) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "context." + field, "longer than 256 UTF-8 bytes");
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw new InsCryptoException(
            Code.POLICY_VIOLATION, "context." + field, "control character at index " + i);
      }
    }
  }

  /**
   * Returns the unambiguous (length-prefixed) encoding bound into ciphertexts.
   *
   * @return the bytes
   */
  public byte[] canonicalBytes() {
    return new ByteWriter().str16(table).str16(column).str16(rowId).toByteArray();
  }
}
