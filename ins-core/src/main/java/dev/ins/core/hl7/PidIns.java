package dev.ins.core.hl7;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityStateException;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsiJustification;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.internal.interop.InteropValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The INS fields of an HL7 v2 PID segment (IHE PAM France 2.10/2.11): write them for an identity,
 * read them back.
 *
 * <table>
 *   <caption>Fields written and read</caption>
 *   <tr><th>field</th><th>content</th></tr>
 *   <tr><td>PID-3</td><td>{@code matricule^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS} (NIA:
 *   {@code ASIP-SANTE-INS-NIA}); written only for a QUAL identity</td></tr>
 *   <tr><td>PID-5</td><td>{@code BIRTHNAME^FIRSTFIRSTNAME^FIRST NAME LIST^^^^L}, and
 *   {@code USEDNAME^USEDFIRSTNAME^^^^^D} when a used name or first name is set</td></tr>
 *   <tr><td>PID-7</td><td>{@code YYYYMMDD} ({@code YYYYMM} or {@code YYYY} for an incomplete date)</td></tr>
 *   <tr><td>PID-8</td><td>{@code M}, {@code F}, or {@code U} for sex {@code I}</td></tr>
 *   <tr><td>PID-11</td><td>a repetition {@code ^^^^^^BDL^^COG} for the birthplace</td></tr>
 *   <tr><td>PID-32</td><td>the status code, then HOMA/DOUT/FICT, as repetitions</td></tr>
 * </table>
 *
 * <p>Reading takes the delimiters from MSH ({@link #parseMessage}) or from the caller, unescapes
 * {@code \F\ \S\ \T\ \R\ \E\}, validates every value strictly (INS form, matricule key, known OID)
 * and reports every broken rule at once under {@code PID-n} paths. PID-3 repetitions whose authority
 * is not an INS OID (IPP, NSS...) and PID-5/PID-11 repetitions of other types are not INS data and
 * are left alone. The status is derived as follows, and the code as sent is kept in
 * {@link #declaredStatus()}:
 *
 * <ul>
 *   <li>QUAL or RECUP with an INS in PID-3: kept;</li>
 *   <li>QUAL or RECUP without an INS (the matricule travels only for QUAL): the INSi criterion
 *   cannot be carried over, so VALI or PROV;</li>
 *   <li>VALI with an INS: QUAL. Before the RNIV statuses, PAM France sent VALI with the INS of a
 *   qualified identity (the ANS examples still do); a current sender never sends the INS with
 *   VALI;</li>
 *   <li>PROV, VIDE or no status: PROV (an INS sent with PROV is kept, not exchangeable).</li>
 * </ul>
 *
 * <p>The identity's RNIV invariants apply as to every identity (see {@link Identity}). A VALI or
 * QUAL identity needs its document check (mode and date), which neither the PID nor PAM France's
 * ZFD carries (ZFD-7 gives the document type, no date): without one passed by the caller
 * ({@link #parse(CharSequence, Hl7Encoding, IdentityEvent.DocumentChecked)}), a PID declaring VALI or
 * QUAL is refused with {@link ViolationCode#DOCUMENT_CHECK_REQUIRED} under {@code PID-32}. A RECUP
 * or QUAL identity read here carries an {@link InsiJustification.Declared} justification naming
 * PID-32. PID-5.2 must be the start of the PID-5.3 list, hyphen, apostrophe and space equivalent
 * ({@link FirstNames#acceptsFirstName}).
 *
 * <p>Other table 0445 codes (DOUB, DESA, COLP...) are returned in {@link #otherReliabilityCodes()}.
 * Not carried by the PID: INS history, INSi call date, validation mode and date, collection method
 * (PAM France puts some of them in ZFD).
 *
 * <pre>{@code
 * String pid = PidIns.format(identity);
 * // PID|1||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||PAT-TROIS^DOMINIQUE^...
 * PidIns read = PidIns.parseMessage(er7);
 * read.identity().status();
 * }</pre>
 *
 * @param identity the identity read
 * @param declaredStatus the PID-32 status code as sent (PROV, RECUP, VALI, QUAL or VIDE), or empty
 * @param otherReliabilityCodes the other PID-32 codes, in message order
 */
public record PidIns(Identity identity, Optional<String> declaredStatus, List<String> otherReliabilityCodes) {

  /** The longest message or segment this reader accepts, in characters. */
  public static final int MAX_LENGTH = 1 << 20;

  /** The source named in the justification of a RECUP or QUAL identity read from a PID. */
  static final String DECLARED_BY = "HL7 v2 PID-32";

  private static final Set<String> OTHER_0445 = Set.of("DOUB", "DESA", "DPOT", "DOUA", "COLP", "COLV", "FILI",
      "CACH", "ANOM", "IDVER", "RECD", "IDRA", "USUR", "HOMD", "INVA");

  /**
   * Rejects nulls and copies the list.
   *
   * @param identity see the record component
   * @param declaredStatus see the record component
   * @param otherReliabilityCodes see the record component
   */
  public PidIns {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(declaredStatus, "declaredStatus");
    otherReliabilityCodes = List.copyOf(otherReliabilityCodes);
  }

  /**
   * Writes a PID segment with the usual delimiters.
   *
   * @param identity the identity
   * @return the segment, without a segment terminator
   * @throws InsValidationException when the birth date has a day but no month (PID-7 cannot say it)
   */
  public static String format(Identity identity) {
    return format(identity, Hl7Encoding.DEFAULT);
  }

  /**
   * Writes a PID segment (PID-1 = 1, INS fields only; merge them into your own PID as needed).
   *
   * @param identity the identity
   * @param enc the delimiters
   * @return the segment, without a segment terminator
   * @throws InsValidationException when the birth date has a day but no month (PID-7 cannot say it)
   */
  public static String format(Identity identity, Hl7Encoding enc) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(enc, "enc");
    String[] f = new String[33];
    Arrays.fill(f, "");
    f[0] = "PID";
    f[1] = "1";
    identity.insForExchange().ifPresent(ins -> f[3] = ins.matricule().value() + enc.component() + enc.component()
        + enc.component() + authority(ins.oid()) + enc.subcomponent() + ins.oid().oid() + enc.subcomponent()
        + "ISO" + enc.component() + "INS");
    Traits t = identity.traits();
    String c = String.valueOf(enc.component());
    String legal = enc.escape(t.birthName().value()) + c + enc.escape(t.firstFirstName()) + c
        + enc.escape(t.firstNames().value()) + c.repeat(4) + "L";
    if (identity.usedName().isPresent() || identity.usedFirstName().isPresent()) {
      legal += enc.repetition() + enc.escape(identity.usedName().orElse("")) + c
          + enc.escape(identity.usedFirstName().orElse("")) + c.repeat(5) + "D";
    }
    f[5] = legal;
    f[7] = date(t.birthDate());
    f[8] = t.sex() == Sex.UNKNOWN ? "U" : t.sex().code();
    t.birthplace().ifPresent(b -> f[11] = c.repeat(6) + "BDL" + c.repeat(2) + b.value());
    List<String> codes = new ArrayList<>();
    codes.add(identity.status().name());
    for (IdentityAttribute a : identity.attributes()) {
      codes.add(a.code());
    }
    f[32] = String.join(String.valueOf(enc.repetition()), codes);
    int last = f.length - 1;
    while (f[last].isEmpty()) {
      last--;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= last; i++) {
      if (i > 0) {
        b.append(enc.field());
      }
      b.append(f[i]);
    }
    return b.toString();
  }

  private static String authority(InsOid oid) {
    return oid == InsOid.INS_NIA ? "ASIP-SANTE-INS-NIA" : "ASIP-SANTE-INS-NIR";
  }

  private static String date(BirthDate d) {
    if (d.month().isEmpty() && d.day().isPresent()) {
      throw InsValidationException.of("PID-7", ViolationCode.INVALID_DATE, -1,
          "an HL7 date cannot carry a known day with an unknown month");
    }
    StringBuilder b = new StringBuilder(String.format("%04d", d.year()));
    d.month().ifPresent(m -> b.append(String.format("%02d", m)));
    d.day().ifPresent(x -> b.append(String.format("%02d", x)));
    return b.toString();
  }

  /**
   * Reads the PID segment of a whole ER7 message: the delimiters come from MSH, segments are
   * separated by CR, LF or CRLF, the first PID segment is read.
   *
   * @param message the message
   * @return what the PID says
   * @throws InsValidationException when there is no MSH or no PID, or the PID breaks a rule
   */
  public static PidIns parseMessage(CharSequence message) {
    return parseMessage(message, null);
  }

  /**
   * Reads the PID segment of a whole ER7 message, with the document check the receiving side holds
   * for this patient (used only when PID-32 declares VALI or QUAL).
   *
   * @param message the message
   * @param documentCheck the document check (mode and date), or null when none is known
   * @return what the PID says
   * @throws InsValidationException when there is no MSH or no PID, or the PID breaks a rule
   */
  public static PidIns parseMessage(CharSequence message, IdentityEvent.DocumentChecked documentCheck) {
    if (message == null) {
      throw InsValidationException.of("message", ViolationCode.REQUIRED, -1, "a message is required");
    }
    if (message.length() > MAX_LENGTH) {
      throw InsValidationException.of("message", ViolationCode.TOO_LONG, MAX_LENGTH,
          "at most " + MAX_LENGTH + " characters");
    }
    String s = message.toString();
    Hl7Encoding enc = Hl7Encoding.fromMsh(s);
    for (String seg : s.split("\r\n|\r|\n")) {
      if (seg.startsWith("PID" + enc.field())) {
        return parse(seg, enc, documentCheck);
      }
    }
    throw InsValidationException.of("PID", ViolationCode.REQUIRED, -1, "the message has no PID segment");
  }

  /**
   * Reads a PID segment written with the usual delimiters.
   *
   * @param segment one segment, starting with {@code PID|}
   * @return what the PID says
   * @throws InsValidationException listing every broken rule
   */
  public static PidIns parse(CharSequence segment) {
    return parse(segment, Hl7Encoding.DEFAULT);
  }

  /**
   * Reads a PID segment.
   *
   * @param segment one segment, starting with {@code PID} and the field separator
   * @param enc the message's delimiters
   * @return what the PID says
   * @throws InsValidationException listing every broken rule
   */
  public static PidIns parse(CharSequence segment, Hl7Encoding enc) {
    return parse(segment, enc, null);
  }

  /**
   * Reads a PID segment, with the document check the receiving side holds for this patient (used
   * only when PID-32 declares VALI or QUAL: the PID does not carry it).
   *
   * @param segment one segment, starting with {@code PID} and the field separator
   * @param enc the message's delimiters
   * @param documentCheck the document check (mode and date), or null when none is known
   * @return what the PID says
   * @throws InsValidationException listing every broken rule
   */
  public static PidIns parse(CharSequence segment, Hl7Encoding enc, IdentityEvent.DocumentChecked documentCheck) {
    Objects.requireNonNull(enc, "enc");
    if (segment == null) {
      throw InsValidationException.of("PID", ViolationCode.REQUIRED, -1, "a PID segment is required");
    }
    if (segment.length() > MAX_LENGTH) {
      throw InsValidationException.of("PID", ViolationCode.TOO_LONG, MAX_LENGTH, "at most " + MAX_LENGTH + " characters");
    }
    String s = segment.toString();
    if (!s.startsWith("PID" + enc.field())) {
      throw InsValidationException.of("PID", ViolationCode.INVALID_FORMAT, 0, "a PID segment starts with PID and the field separator");
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\r' || s.charAt(i) == '\n') {
        throw InsValidationException.of("PID", ViolationCode.INVALID_FORMAT, i,
            "one segment expected (use parseMessage for a whole message)");
      }
    }
    String[] f = Er7.split(s, enc.field());
    List<Violation> v = new ArrayList<>();
    InsIdentifier ins = collect(v, "PID-3", () -> ins(field(f, 3), enc));
    Names names = collect(v, "PID-5", () -> names(field(f, 5), enc));
    BirthDate birthDate = collect(v, "PID-7", () -> birthDate(field(f, 7)));
    Sex sex = collect(v, "PID-8", () -> sex(field(f, 8)));
    BirthplaceCode birthplace = collect(v, "PID-11", () -> birthplace(field(f, 11), enc));
    Reliability rel = collect(v, "PID-32", () -> reliability(field(f, 32), enc));
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    Traits traits = Traits.of(names.birthName, names.firstNames, birthDate, sex, birthplace);
    IdentityStatus status = derive(rel.status, ins != null);
    try {
      Identity.Builder b = Identity.builder().traits(traits).ins(ins).status(status).attributes(rel.attributes)
          .usedName(names.usedName).usedFirstName(names.usedFirstName)
          .insiJustification(status.insiRetrieved() ? new InsiJustification.Declared(DECLARED_BY) : null);
      if (status.documentChecked() && documentCheck != null) {
        b.validation(documentCheck.mode(), documentCheck.on());
      }
      return new PidIns(b.build(), Optional.ofNullable(rel.status), rel.others);
    } catch (IdentityStateException e) {
      throw new InsValidationException(List.of(e.toViolation("PID-32")));
    } catch (InsValidationException e) {
      throw e.under("PID-5");
    }
  }

  private static IdentityStatus derive(String declared, boolean hasIns) {
    if (declared == null || declared.equals("VIDE") || declared.equals("PROV")) {
      return IdentityStatus.PROV;
    }
    IdentityStatus s = IdentityStatus.fromCode(declared);
    if (s == IdentityStatus.VALI && hasIns) {
      return IdentityStatus.QUAL;
    }
    if (s.insiRetrieved() && !hasIns) {
      return IdentityStatus.of(false, s.documentChecked());
    }
    return s;
  }

  private static String field(String[] f, int i) {
    return i < f.length ? f[i] : "";
  }

  private static <T> T collect(List<Violation> sink, String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (InsValidationException e) {
      for (Violation x : e.violations()) {
        sink.add(x.field().startsWith(path) ? x : x.under(path));
      }
      return null;
    }
  }

  private static InsIdentifier ins(String pid3, Hl7Encoding enc) {
    InsIdentifier found = null;
    for (String rep : Er7.split(pid3, enc.repetition())) {
      String[] cx = Er7.split(rep, enc.component());
      String type = enc.unescape(Er7.at(cx, 4), "PID-3");
      String[] hd = Er7.split(Er7.at(cx, 3), enc.subcomponent());
      String oidText = enc.unescape(Er7.at(hd, 1), "PID-3");
      boolean insOid = oidText.startsWith("1.2.250.1.213.1.4.") && isInsOid(oidText);
      if (!insOid && !type.equals("INS")) {
        continue;
      }
      if (found != null) {
        throw InsValidationException.of("PID-3", ViolationCode.INCONSISTENT, -1, "more than one INS in PID-3");
      }
      InsOid oid = InsOid.parse(oidText);
      String value = enc.unescape(Er7.at(cx, 0), "PID-3");
      found = new InsIdentifier(InteropValues.matricule(value), oid);
    }
    return found;
  }

  private static boolean isInsOid(String s) {
    for (InsOid o : InsOid.values()) {
      if (o.oid().equals(s)) {
        return true;
      }
    }
    return false;
  }

  private record Names(BirthName birthName, FirstNames firstNames, String usedName, String usedFirstName) {}

  private static Names names(String pid5, Hl7Encoding enc) {
    String[] legal = null;
    String[] used = null;
    for (String rep : Er7.split(pid5, enc.repetition())) {
      String[] xpn = Er7.split(rep, enc.component());
      String type = Er7.at(xpn, 6);
      if (type.equals("L")) {
        if (legal != null) {
          throw InsValidationException.of("PID-5", ViolationCode.INCONSISTENT, -1, "more than one name of type L");
        }
        legal = xpn;
      } else if (type.equals("D")) {
        if (used != null) {
          throw InsValidationException.of("PID-5", ViolationCode.INCONSISTENT, -1, "more than one name of type D");
        }
        used = xpn;
      }
    }
    if (legal == null) {
      throw InsValidationException.of("PID-5", ViolationCode.REQUIRED, -1, "no birth name (name type L)");
    }
    return names(legal, used, enc);
  }

  private static Names names(String[] legal, String[] used, Hl7Encoding enc) {
    List<Violation> v = new ArrayList<>();
    BirthName bn = collect(v, "PID-5", () -> BirthName.of(required(enc, legal, 0, "PID-5.1")));
    FirstNames fn = collect(v, "PID-5", () -> FirstNames.of(required(enc, legal, 2, "PID-5.3")));
    String first = collect(v, "PID-5", () -> required(enc, legal, 1, "PID-5.2"));
    if (fn != null && first != null && !fn.acceptsFirstName(first)) {
      v.add(new Violation("PID-5.2", ViolationCode.INCONSISTENT, -1,
          "the first birth first name must be the start of the list in PID-5.3"
              + " (hyphen, apostrophe and space equivalent)"));
    }
    String usedName = null;
    String usedFirst = null;
    if (used != null) {
      String[] u = used;
      usedName = collect(v, "PID-5", () -> emptyToNull(enc.unescape(Er7.at(u, 0), "PID-5")));
      usedFirst = collect(v, "PID-5", () -> emptyToNull(enc.unescape(Er7.at(u, 1), "PID-5")));
    }
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return new Names(bn, fn, usedName, usedFirst);
  }

  private static String required(Hl7Encoding enc, String[] xpn, int i, String path) {
    String value = enc.unescape(Er7.at(xpn, i), path);
    if (value.isEmpty()) {
      throw InsValidationException.of(path, ViolationCode.REQUIRED, -1, "a value is required");
    }
    return value;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static BirthDate birthDate(String pid7) {
    if (pid7.isEmpty()) {
      throw InsValidationException.of("PID-7", ViolationCode.REQUIRED, -1, "a birth date is required");
    }
    int n = pid7.length();
    if (n != 4 && n != 6 && n != 8) {
      throw InsValidationException.of("PID-7", ViolationCode.INVALID_FORMAT, -1, "expected YYYY, YYYYMM or YYYYMMDD");
    }
    for (int i = 0; i < n; i++) {
      if (pid7.charAt(i) < '0' || pid7.charAt(i) > '9') {
        throw InsValidationException.of("PID-7", ViolationCode.INVALID_FORMAT, i, "expected a digit");
      }
    }
    int y = Integer.parseInt(pid7.substring(0, 4));
    int m = n >= 6 ? Integer.parseInt(pid7.substring(4, 6)) : 0;
    int d = n == 8 ? Integer.parseInt(pid7.substring(6, 8)) : 0;
    if (m == 0 && d != 0) {
      // what format() refuses to write, parse() refuses to read: an unknown month is written YYYY
      throw InsValidationException.of("PID-7", ViolationCode.INVALID_DATE, 4,
          "an HL7 date cannot carry a known day with an unknown month (00): write YYYY");
    }
    try {
      return BirthDate.of(y, m, d);
    } catch (InsValidationException e) {
      throw e.under("PID-7");
    }
  }

  private static Sex sex(String pid8) {
    return switch (pid8) {
      case "M" -> Sex.MALE;
      case "F" -> Sex.FEMALE;
      case "U" -> Sex.UNKNOWN;
      case "" -> throw InsValidationException.of("PID-8", ViolationCode.REQUIRED, -1, "a sex is required");
      default -> throw InsValidationException.of("PID-8", ViolationCode.UNKNOWN_CODE, -1, "sex must be M, F or U");
    };
  }

  private static BirthplaceCode birthplace(String pid11, Hl7Encoding enc) {
    BirthplaceCode found = null;
    boolean seen = false;
    for (String rep : Er7.split(pid11, enc.repetition())) {
      String[] xad = Er7.split(rep, enc.component());
      if (!Er7.at(xad, 6).equals("BDL")) {
        continue;
      }
      if (seen) {
        throw InsValidationException.of("PID-11", ViolationCode.INCONSISTENT, -1, "more than one birthplace (BDL)");
      }
      seen = true;
      String cog = enc.unescape(Er7.at(xad, 8), "PID-11");
      if (!cog.isEmpty()) {
        try {
          found = BirthplaceCode.of(cog);
        } catch (InsValidationException e) {
          throw e.under("PID-11.9");
        }
      }
    }
    return found;
  }

  private record Reliability(String status, Set<IdentityAttribute> attributes, List<String> others) {}

  private static Reliability reliability(String pid32, Hl7Encoding enc) {
    String status = null;
    Set<IdentityAttribute> attributes = EnumSet.noneOf(IdentityAttribute.class);
    List<String> others = new ArrayList<>();
    for (String rep : Er7.split(pid32, enc.repetition())) {
      String code = enc.unescape(rep, "PID-32");
      switch (code) {
        case "" -> { }
        case "PROV", "RECUP", "VALI", "QUAL", "VIDE" -> {
          if (status != null) {
            throw InsValidationException.of("PID-32", ViolationCode.INCONSISTENT, -1, "more than one status code");
          }
          status = code;
        }
        case "HOMA", "DOUT", "FICT" -> attributes.add(IdentityAttribute.fromCode(code));
        default -> {
          if (!OTHER_0445.contains(code)) {
            throw InsValidationException.of("PID-32", ViolationCode.UNKNOWN_CODE, -1,
                "not an identity reliability code of table 0445 (PAM France)");
          }
          others.add(code);
        }
      }
    }
    return new Reliability(status, attributes, others);
  }

  /** Masked: status and codes only. */
  @Override
  public String toString() {
    return "PidIns[" + identity + ", declaredStatus=" + declaredStatus.orElse("none") + ", other="
        + otherReliabilityCodes + "]";
  }
}
