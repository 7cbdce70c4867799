package dev.ins.cardreader.internal.vitale;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.tlv.BerTlv;
import dev.ins.cardreader.tlv.Tlv;
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
   * Parses both files into beneficiaries.
   *
   * @param identityFile the MF identity file
   * @param nirFile the VITALE NIR file
   * @return the beneficiaries, card holder first
   * @throws CardReaderException {@code MALFORMED_DATA} naming the beneficiary, the field and the rule
   */
  public static List<VitaleBeneficiary> parse(byte[] identityFile, byte[] nirFile) {
    List<Tlv> a = templates(identityFile, "MF identity file");
    List<Tlv> b = templates(nirFile, "VITALE file");
    if (a.isEmpty()) {
      throw malformed("beneficiaries", "no beneficiary template (tag 65) in the MF identity file");
    }
    if (a.size() > MAX_BENEFICIARIES) {
      throw malformed("beneficiaries", "more than " + MAX_BENEFICIARIES + " templates");
    }
    if (!b.isEmpty() && b.size() != a.size()) {
      throw malformed("beneficiaries", a.size() + " templates in the MF identity file but "
          + b.size() + " in the VITALE file");
    }
    List<VitaleBeneficiary> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Tlv x = a.get(i);
      Tlv y = b.isEmpty() ? Tlv.constructed(TEMPLATE, List.of()) : b.get(i);
      String path = "beneficiaries[" + i + "]";
      String name = text(x, y, NAME, path + ".birthName", true);
      String first = text(x, y, FIRST_NAME, path + ".firstName", true);
      String date = text(x, y, BIRTH_DATE, path + ".birthDate", true);
      String nir = text(x, y, NIR, path + ".nir", false);
      try {
        out.add(new VitaleBeneficiary(BirthName.of(name), FirstNames.of(first), date(date, path + ".birthDate"), nir));
      } catch (InsValidationException e) {
        throw malformed(path + "." + e.field(), "not a valid INS value (" + e.code() + ")");
      }
    }
    return out;
  }

  private static List<Tlv> templates(byte[] file, String what) {
    List<Tlv> out = new ArrayList<>();
    for (Tlv t : BerTlv.parse(file == null ? new byte[0] : file)) {
      if (t.tag() == TEMPLATE) {
        out.add(t);
      }
    }
    return out;
  }

  private static String text(Tlv x, Tlv y, int tag, String field, boolean required) {
    byte[] vx = x.child(tag).map(Tlv::value).orElse(null);
    byte[] vy = y.child(tag).map(Tlv::value).orElse(null);
    if (vx != null && vy != null && !Arrays.equals(vx, vy)) {
      throw malformed(field, "the two files disagree (tag " + Integer.toHexString(tag) + ")");
    }
    byte[] v = vx != null ? vx : vy;
    if (v == null) {
      if (required) {
        throw malformed(field, "missing (tag " + Integer.toHexString(tag) + ")");
      }
      return null;
    }
    int end = v.length;
    while (end > 0 && v[end - 1] == ' ') {
      end--; // fixed-width fields are space padded
    }
    for (int k = 0; k < end; k++) {
      if (v[k] < 0x20 || v[k] > 0x7E) {
        throw malformed(field, "byte " + k + " is not printable ASCII");
      }
    }
    return new String(v, 0, end, StandardCharsets.US_ASCII);
  }

  private static BirthDate date(String s, String field) {
    if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw malformed(field, "expected 8 digits YYYYMMDD, got " + s.length() + " characters");
    }
    return BirthDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
        Integer.parseInt(s.substring(6, 8)));
  }

  private static CardReaderException malformed(String field, String rule) {
    return CardReaderException.of(Code.MALFORMED_DATA, "Vitale " + field + ": " + rule);
  }
}
