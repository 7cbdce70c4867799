package dev.ins.core.datamatrix;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStateException;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.internal.interop.InteropValues;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The content of a DataMatrix INS (ANS "INS — Format datamatrix" v2.2, as corroborated by public
 * implementations): the INS and the strict traits printed on health documents for a qualified
 * identity. This class reads and writes the text payload; rendering the symbol is left to a
 * DataMatrix (ECC200) library.
 *
 * <p>Payload layout: the 26-character header {@code IS} + {@code 01} + 22 × {@code 0}, then fields
 * introduced by a two-character identifier, S1 to S7:
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>id</th><th>content</th><th>length</th></tr>
 *   <tr><td>S1</td><td>matricule INS</td><td>15</td></tr>
 *   <tr><td>S2</td><td>OID of the assigning authority</td><td>up to 20</td></tr>
 *   <tr><td>S3</td><td>liste des prénoms de naissance</td><td>up to 100</td></tr>
 *   <tr><td>S4</td><td>nom de naissance</td><td>up to 100</td></tr>
 *   <tr><td>S5</td><td>sexe, {@code M} or {@code F}</td><td>1</td></tr>
 *   <tr><td>S6</td><td>date de naissance {@code DD-MM-YYYY}</td><td>10</td></tr>
 *   <tr><td>S7</td><td>code lieu de naissance (COG), optional</td><td>5</td></tr>
 * </table>
 *
 * <p>A group separator {@link #GS} (0x1D) closes a variable-length field shorter than its maximum
 * that is not the last field; fixed-length fields and full-length variable fields carry none.
 * {@link #encode(Identity)} writes S1 to S7 in order; {@link #decode(CharSequence)} reads the fields
 * in any order and reports every broken rule at once, under field paths {@code datamatrix.S1} …
 * {@code datamatrix.S7} (structure) and {@code datamatrix.S3.firstNames} etc. (trait rules).
 * {@link #toString()} masks everything.
 *
 * <pre>{@code
 * String payload = DataMatrixIns.encode(qualifiedIdentity);   // refuses a non-QUAL identity
 * DataMatrixIns scanned = DataMatrixIns.decode(payload);
 * scanned.ins();             // the INS printed on the document
 * scanned.toIdentity();      // PROV identity collected by DataMatrix: verify it with INSi
 * }</pre>
 *
 * @param ins the matricule and its OID (S1, S2)
 * @param traits the strict traits (S3 to S7); the sex is {@code M} or {@code F}
 */
public record DataMatrixIns(InsIdentifier ins, Traits traits) {

  /** The group separator (ASCII 29) that closes a short variable-length field. */
  public static final char GS = '\u001D';

  /** The header: marker {@code IS}, version {@code 01}, 22 reserved zeros. */
  public static final String HEADER = "IS01" + "0".repeat(22);

  /** The longest payload this reader accepts; a valid one is at most 291 characters. */
  public static final int MAX_PAYLOAD = 512;

  private static final String FIELD = "datamatrix";

  /**
   * Rejects nulls and a sex the DataMatrix cannot carry.
   *
   * @param ins see the record component
   * @param traits see the record component
   */
  public DataMatrixIns {
    Objects.requireNonNull(ins, "ins");
    Objects.requireNonNull(traits, "traits");
    if (traits.sex() == Sex.UNKNOWN) {
      throw InsValidationException.of(FIELD + ".S5", ViolationCode.UNKNOWN_CODE, -1,
          "the DataMatrix INS carries sex M or F only");
    }
  }

  /** The fields of the message zone. */
  enum Field {
    S1(15, true),
    S2(20, false),
    S3(100, false),
    S4(100, false),
    S5(1, true),
    S6(10, true),
    S7(5, true);

    final int length;
    final boolean fixed;

    Field(int length, boolean fixed) {
      this.length = length;
      this.fixed = fixed;
    }

    String path() {
      return FIELD + "." + name();
    }
  }

  /**
   * Writes the payload of a qualified identity's DataMatrix INS.
   *
   * @param identity the identity; must be QUAL (see {@link Identity#insForExchange()})
   * @return the payload text, header included, with {@link #GS} separators
   * @throws IdentityStateException {@code NOT_QUALIFIED} when the identity is not QUAL
   * @throws InsValidationException when the sex is not M or F (field {@code datamatrix.S5})
   */
  public static String encode(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    InsIdentifier ins = identity.requireInsForExchange();
    return new DataMatrixIns(ins, identity.traits()).payload();
  }

  /**
   * Writes this content as a payload. Package-private: the public way in is {@link #encode(Identity)},
   * which checks that the identity is qualified.
   */
  String payload() {
    Map<Field, String> values = new EnumMap<>(Field.class);
    values.put(Field.S1, ins.matricule().value());
    values.put(Field.S2, ins.oid().oid());
    values.put(Field.S3, traits.firstNames().value());
    values.put(Field.S4, traits.birthName().value());
    values.put(Field.S5, traits.sex().code());
    values.put(Field.S6, date(traits.birthDate()));
    traits.birthplace().ifPresent(b -> values.put(Field.S7, b.value()));
    StringBuilder b = new StringBuilder(HEADER);
    List<Field> present = new ArrayList<>(values.keySet());
    for (int i = 0; i < present.size(); i++) {
      Field f = present.get(i);
      String v = values.get(f);
      b.append(f.name()).append(v);
      boolean last = i == present.size() - 1;
      if (!f.fixed && v.length() < f.length && !last) {
        b.append(GS);
      }
    }
    return b.toString();
  }

  private static String date(BirthDate d) {
    return String.format("%02d-%02d-%04d", d.day().orElse(0), d.month().orElse(0), d.year());
  }

  /**
   * Reads a payload: header, then the fields in any order, strictly.
   *
   * <p>Rejected (with the field and the rule): a payload longer than {@link #MAX_PAYLOAD}; a wrong
   * header or version; an unknown field identifier; a field given twice; a fixed-length field cut
   * short; a variable field longer than its maximum; a missing S1 to S6; any value that breaks its
   * INS rule (matricule key, OID, INS character set, sex M/F, date {@code DD-MM-YYYY}, COG shape).
   * {@code 00} stands for an unknown day or month, as in INSi dates.
   *
   * @param payload the scanned text
   * @return the content
   * @throws InsValidationException listing every broken rule; messages hold no patient data
   */
  public static DataMatrixIns decode(CharSequence payload) {
    if (payload == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "a payload is required");
    }
    String s = payload.toString();
    if (s.length() > MAX_PAYLOAD) {
      throw InsValidationException.of(FIELD, ViolationCode.TOO_LONG, MAX_PAYLOAD,
          "a DataMatrix INS payload has at most " + MAX_PAYLOAD + " characters, got " + s.length());
    }
    checkHeader(s);
    Map<Field, String> values = new EnumMap<>(Field.class);
    List<Violation> v = new ArrayList<>();
    int pos = HEADER.length();
    while (pos < s.length()) {
      if (pos + 2 > s.length()) {
        v.add(new Violation(FIELD, ViolationCode.INVALID_FORMAT, pos, "truncated field identifier at the end"));
        break;
      }
      Field f = field(s.charAt(pos), s.charAt(pos + 1));
      if (f == null) {
        String why = s.charAt(pos) == GS
            ? "unexpected group separator (GS follows only a short variable-length field)"
            : "unknown field identifier (expected S1 to S7)";
        v.add(new Violation(FIELD, ViolationCode.INVALID_FORMAT, pos, why));
        break;
      }
      pos += 2;
      String value;
      if (f.fixed) {
        if (pos + f.length > s.length()) {
          v.add(new Violation(f.path(), ViolationCode.INVALID_LENGTH, pos,
              "fixed length " + f.length + ", only " + (s.length() - pos) + " characters left"));
          break;
        }
        value = s.substring(pos, pos + f.length);
        pos += f.length;
      } else {
        int end = pos;
        while (end < s.length() && end - pos < f.length && s.charAt(end) != GS) {
          end++;
        }
        value = s.substring(pos, end);
        pos = end;
        if (end < s.length() && s.charAt(end) == GS) {
          if (value.length() == f.length) {
            v.add(new Violation(f.path(), ViolationCode.INVALID_FORMAT, end,
                "a field at its maximum length (" + f.length + ") takes no group separator"));
            break;
          }
          pos++;
          if (pos == s.length()) {
            v.add(new Violation(f.path(), ViolationCode.INVALID_FORMAT, end,
                "the last field takes no group separator"));
          }
        }
      }
      if (values.containsKey(f)) {
        v.add(new Violation(f.path(), ViolationCode.INCONSISTENT, pos, "field given twice"));
        break;
      }
      values.put(f, value);
    }
    for (Field f : Field.values()) {
      if (f != Field.S7 && !values.containsKey(f)) {
        v.add(new Violation(f.path(), ViolationCode.REQUIRED, -1, "mandatory field missing"));
      }
    }
    Matricule m = values.containsKey(Field.S1) ? collect(v, Field.S1, () -> InteropValues.matricule(values.get(Field.S1))) : null;
    InsOid oid = values.containsKey(Field.S2) ? collect(v, Field.S2, () -> oid(values.get(Field.S2))) : null;
    FirstNames fn = values.containsKey(Field.S3) ? collect(v, Field.S3, () -> FirstNames.of(values.get(Field.S3))) : null;
    BirthName bn = values.containsKey(Field.S4) ? collect(v, Field.S4, () -> BirthName.of(values.get(Field.S4))) : null;
    Sex sex = values.containsKey(Field.S5) ? collect(v, Field.S5, () -> sex(values.get(Field.S5))) : null;
    BirthDate bd = values.containsKey(Field.S6) ? collect(v, Field.S6, () -> birthDate(values.get(Field.S6))) : null;
    BirthplaceCode bp = values.containsKey(Field.S7)
        ? collect(v, Field.S7, () -> BirthplaceCode.of(values.get(Field.S7))) : null;
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return new DataMatrixIns(new InsIdentifier(m, oid), Traits.of(bn, fn, bd, sex, bp));
  }

  private static void checkHeader(String s) {
    if (s.length() < HEADER.length()) {
      throw InsValidationException.of(FIELD + ".header", ViolationCode.INVALID_LENGTH, -1,
          "the header has 26 characters (IS, 01, 22 zeros), got a payload of " + s.length());
    }
    if (!s.startsWith("IS")) {
      throw InsValidationException.of(FIELD + ".header", ViolationCode.INVALID_FORMAT, 0,
          "a DataMatrix INS starts with the marker IS");
    }
    if (!s.startsWith("01", 2)) {
      throw InsValidationException.of(FIELD + ".header", ViolationCode.UNKNOWN_CODE, 2,
          "unsupported version (this reader knows version 01)");
    }
    for (int i = 4; i < HEADER.length(); i++) {
      if (s.charAt(i) != '0') {
        throw InsValidationException.of(FIELD + ".header", ViolationCode.INVALID_FORMAT, i,
            "the 22 reserved header characters are zeros");
      }
    }
  }

  private static Field field(char a, char b) {
    if (a != 'S' || b < '1' || b > '7') {
      return null;
    }
    return Field.values()[b - '1'];
  }

  private static <T> T collect(List<Violation> sink, Field f, Supplier<T> read) {
    try {
      return read.get();
    } catch (InsValidationException e) {
      sink.addAll(e.under(f.path()).violations());
      return null;
    }
  }

  private static InsOid oid(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        String why = c == ' '
            ? "an OID holds digits and dots only: a space where a group separator (GS) belongs?"
            : "an OID holds digits and dots only";
        throw InsValidationException.of("oid", ViolationCode.INVALID_CHARACTER, i, why);
      }
    }
    return InsOid.parse(value);
  }

  private static Sex sex(String value) {
    if (!value.equals("M") && !value.equals("F")) {
      throw InsValidationException.of("sex", ViolationCode.UNKNOWN_CODE, 0, "sex must be M or F");
    }
    return Sex.fromInsi(value);
  }

  private static BirthDate birthDate(String value) {
    if (value.charAt(2) != '-' || value.charAt(5) != '-') {
      throw InsValidationException.of("birthDate", ViolationCode.INVALID_FORMAT, -1, "expected DD-MM-YYYY");
    }
    for (int i = 0; i < 10; i++) {
      if (i != 2 && i != 5 && (value.charAt(i) < '0' || value.charAt(i) > '9')) {
        throw InsValidationException.of("birthDate", ViolationCode.INVALID_FORMAT, i, "expected a digit");
      }
    }
    return BirthDate.parse(value.substring(6, 10) + "-" + value.substring(3, 5) + "-" + value.substring(0, 2));
  }

  /**
   * Returns the identity a scan gives: status PROV, collected by DataMatrix ({@code CB}), holding the
   * INS read. The RNIV requires an INSi call before the INS is trusted, so the status is never
   * raised here.
   *
   * @return a provisional identity
   */
  public Identity toIdentity() {
    return Identity.builder().traits(traits).ins(ins).status(IdentityStatus.PROV)
        .collectionMethod(CollectionMethod.DATAMATRIX).build();
  }

  /** Masked: the OID in clear, nothing else. */
  @Override
  public String toString() {
    return "DataMatrixIns[" + ins + ", traits=***]";
  }
}
