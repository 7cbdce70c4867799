package dev.ins.cardreader.internal.vitale;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.tlv.BerTlv;
import dev.ins.cardreader.tlv.Tlv;
import dev.ins.cardreader.vitale.UnreadableBeneficiary;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.InsValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Carte Vitale 2 public-data layout this SDK reads and its simulator writes (cardreader.md §C):
 * under the MF, short EF 2 holds one {@code 65} template per beneficiary with {@code 80} name,
 * {@code 81} first name, {@code 82} birth date {@code YYYYMMDD}; under the VITALE application, short
 * EF 2 holds the matching {@code 65} templates with {@code 93} NIR (15 ASCII characters). Templates
 * are paired by position; a tag found in both files must carry the same value.
 */
public final class VitaleLayout {

  /** The VITALE application identifier. */
  public static final byte[] AID_VITALE = Hex.parse("D250000002564954414C45");
  /** The MF file identifier. */
  public static final byte[] FID_MF = {0x3F, 0x00};
  /** Short identifier of the identity EFs. */
  public static final int SFI_IDENTITY = 2;
  /** A Carte Vitale 2 ATR (T=0). */
  public static final byte[] ATR = Hex.parse("3B751300004709EA9000");

  static final int TEMPLATE = 0x65;
  static final int NAME = 0x80;
  static final int FIRST_NAME = 0x81;
  static final int BIRTH_DATE = 0x82;
  static final int NIR = 0x93;
  private static final int MAX_BENEFICIARIES = 32;

  private VitaleLayout() {}

  /**
   * Encodes the MF identity file.
   *
   * @param beneficiaries the beneficiaries
   * @return the file content
   */
  public static byte[] encodeIdentityFile(List<VitaleBeneficiary> beneficiaries) {
    List<Tlv> out = new ArrayList<>();
    for (VitaleBeneficiary b : beneficiaries) {
      BirthDate d = b.birthDate();
      String date = String.format(Locale.ROOT, "%04d%02d%02d", d.year(), d.month().orElse(0), d.day().orElse(0));
      out.add(Tlv.constructed(TEMPLATE, List.of(
          Tlv.primitive(NAME, ascii(b.birthName().value())),
          Tlv.primitive(FIRST_NAME, ascii(b.firstName().value())),
          Tlv.primitive(BIRTH_DATE, ascii(date)))));
    }
    return BerTlv.encode(out);
  }

  /**
   * Encodes the VITALE NIR file.
   *
   * @param beneficiaries the beneficiaries
   * @return the file content
   */
  public static byte[] encodeNirFile(List<VitaleBeneficiary> beneficiaries) {
    List<Tlv> out = new ArrayList<>();
    for (VitaleBeneficiary b : beneficiaries) {
      out.add(Tlv.constructed(TEMPLATE, b.nir() == null ? List.of() : List.of(Tlv.primitive(NIR, ascii(b.nir())))));
    }
    return BerTlv.encode(out);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * What the two files gave: the readable beneficiaries in card order and the unreadable ones.
   *
   * @param readable the beneficiaries whose data is valid, card holder first when readable
   * @param unreadable the templates whose data breaks the format, with field and rule
   */
  public record Parsed(List<VitaleBeneficiary> readable, List<UnreadableBeneficiary> unreadable) {

    /**
     * Copies.
     *
     * @param readable see the record component
     * @param unreadable see the record component
     */
    public Parsed {
      readable = List.copyOf(readable);
      unreadable = List.copyOf(unreadable);
    }

    /**
     * Describes every unreadable template on one line.
     *
     * @return {@code "field: rule; field: rule"}, empty when all are readable
     */
    public String describeUnreadable() {
      return String.join("; ", unreadable.stream().map(UnreadableBeneficiary::describe).toList());
    }
  }

  /**
   * Parses both files strictly: any malformed template fails the whole read.
   *
   * @param identityFile the MF identity file
   * @param nirFile the VITALE NIR file
   * @return the beneficiaries, card holder first
   * @throws CardReaderException {@code MALFORMED_DATA} naming the beneficiary, the field and the rule
   */
  public static List<VitaleBeneficiary> parse(byte[] identityFile, byte[] nirFile) {
    Parsed p = read(identityFile, nirFile);
    if (!p.unreadable().isEmpty()) {
      throw malformed(p.unreadable().get(0).field(), p.unreadable().get(0).rule());
    }
    return p.readable();
  }

  /**
   * Parses both files, keeping every beneficiary that is readable: a template whose data breaks
   * the format (BER-TLV, a missing or invalid field, the two files disagreeing) is reported with
   * its field and rule, the others are kept.
   *
   * @param identityFile the MF identity file
   * @param nirFile the VITALE NIR file
   * @return readable and unreadable beneficiaries
   * @throws CardReaderException {@code MALFORMED_DATA} only when the files cannot be paired at all:
   *     no template, more than {@value #MAX_BENEFICIARIES}, or different template counts
   */
  public static Parsed read(byte[] identityFile, byte[] nirFile) {
    List<BerTlv.Element> a = templates(identityFile);
    List<BerTlv.Element> b = templates(nirFile);
    if (a.isEmpty()) {
      throw malformed("beneficiaries", "no beneficiary template (tag 65) in the MF identity file");
    }
    if (a.size() > MAX_BENEFICIARIES || b.size() > MAX_BENEFICIARIES) {
      throw malformed("beneficiaries", "more than " + MAX_BENEFICIARIES + " templates");
    }
    boolean cut = cut(a) || cut(b);
    if (!b.isEmpty() && b.size() != a.size() && !cut) {
      throw malformed("beneficiaries", a.size() + " templates in the MF identity file but "
          + b.size() + " in the VITALE file");
    }
    List<VitaleBeneficiary> readable = new ArrayList<>();
    List<UnreadableBeneficiary> unreadable = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = "beneficiaries[" + i + "]";
      BerTlv.Element x = a.get(i);
      if (x.error() != null) {
        unreadable.add(new UnreadableBeneficiary(i, path, "MF identity file: " + x.error().detail()
            + (x.last() ? "; nothing after it can be read" : "")));
        continue;
      }
      Tlv y;
      if (b.isEmpty()) {
        y = Tlv.constructed(TEMPLATE, List.of());
      } else if (i >= b.size() || b.get(i).error() != null) {
        BerTlv.Element bad = b.get(Math.min(i, b.size() - 1));
        unreadable.add(new UnreadableBeneficiary(i, path + ".nir", "VITALE file: "
            + (bad.error() != null ? bad.error().detail() : "no template at this position")));
        continue;
      } else {
        y = b.get(i).object();
      }
      try {
        String name = text(x.object(), y, NAME, path + ".birthName", true);
        String first = text(x.object(), y, FIRST_NAME, path + ".firstName", true);
        String date = text(x.object(), y, BIRTH_DATE, path + ".birthDate", true);
        String nir = text(x.object(), y, NIR, path + ".nir", false);
        try {
          readable.add(new VitaleBeneficiary(BirthName.of(name), FirstNames.of(first),
              date(date, path + ".birthDate"), nir));
        } catch (InsValidationException e) {
          throw new Bad(path + "." + e.field(), "not a valid INS value (" + e.code() + ")");
        }
      } catch (Bad e) {
        unreadable.add(new UnreadableBeneficiary(i, e.field, e.rule));
      }
    }
    return new Parsed(readable, unreadable);
  }

  /** A field that breaks a rule: becomes one unreadable beneficiary. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String rule;

    Bad(String field, String rule) {
      super(field + ": " + rule, null, false, false);
      this.field = field;
      this.rule = rule;
    }
  }

  private static boolean cut(List<BerTlv.Element> file) {
    return !file.isEmpty() && file.get(file.size() - 1).last();
  }

  /** The beneficiary templates of a file, each parsed or malformed; a cut ends the list. */
  private static List<BerTlv.Element> templates(byte[] file) {
    List<BerTlv.Element> out = new ArrayList<>();
    for (BerTlv.Element e : BerTlv.parseEach(file == null ? new byte[0] : file)) {
      if (e.tag() == TEMPLATE || e.last()) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Tlv x, Tlv y, int tag, String field, boolean required) {
    byte[] vx = x.child(tag).map(Tlv::value).orElse(null);
    byte[] vy = y.child(tag).map(Tlv::value).orElse(null);
    if (vx != null && vy != null && !Arrays.equals(vx, vy)) {
      throw new Bad(field, "the two files disagree (tag " + Integer.toHexString(tag) + ")");
    }
    byte[] v = vx != null ? vx : vy;
    if (v == null) {
      if (required) {
        throw new Bad(field, "missing (tag " + Integer.toHexString(tag) + ")");
      }
      return null;
    }
    int end = v.length;
    while (end > 0 && v[end - 1] == ' ') {
      end--; // fixed-width fields are space padded
    }
    for (int k = 0; k < end; k++) {
      if (v[k] < 0x20 || v[k] > 0x7E) {
        throw new Bad(field, "byte " + k + " is not printable ASCII");
      }
    }
    return new String(v, 0, end, StandardCharsets.US_ASCII);
  }

  private static BirthDate date(String s, String field) {
    if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Bad(field, "expected 8 digits YYYYMMDD, got " + s.length() + " characters");
    }
    return BirthDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
        Integer.parseInt(s.substring(6, 8)));
  }

  private static CardReaderException malformed(String field, String rule) {
    return CardReaderException.of(Code.MALFORMED_DATA, "Vitale " + field + ": " + rule);
  }
}
