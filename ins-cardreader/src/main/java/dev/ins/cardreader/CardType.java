package dev.ins.cardreader;

/**
 * Card families recognised from their ATR (patterns from pcsc-tools' ATR list).
 *
 * <pre>{@code
 * CardType.fromAtr(session.atr()); // VITALE_2 for 3B 75 13 00 00 47 09 EA 90 00
 * }</pre>
 */
public enum CardType {
  /** Carte Vitale 2: {@code 3B 75 13 00 00 4x 09 EA 90 00}. */
  VITALE_2("3B751300004009EA9000", "FFFFFFFFFFF0FFFFFFFF"),
  /** Carte Vitale 1 (Bull CP8 mask, not readable by this SDK): {@code 3F 65 25 00 xx 09 x9 90 00}. */
  VITALE_1("3F65250000090990 00".replace(" ", ""), "FFFFFFFF00FF0FFFFF"),
  /** CPS (Carte de Professionnel de Santé), contact interface: {@code 3B AC 00 40 2A 00 12 25 00 64 80 ...}. */
  CPS("3BAC00402A0012250064 80".replace(" ", ""), "FFFFFFFFFFFFFFFFFFFFFF"),
  /** Anything else. */
  UNKNOWN("", "");

  private final byte[] value;
  private final byte[] mask;
  private final boolean prefix;

  CardType(String value, String mask) {
    this.value = dev.ins.cardreader.internal.Hex.parse(value);
    this.mask = dev.ins.cardreader.internal.Hex.parse(mask);
    this.prefix = "CPS".equals(name());
  }

  /**
   * Recognises a card from its ATR.
   *
   * @param atr the ATR bytes, may be null or empty
   * @return the family, {@link #UNKNOWN} when none matches
   */
  public static CardType fromAtr(byte[] atr) {
    if (atr == null) {
      return UNKNOWN;
    }
    for (CardType t : values()) {
      if (t != UNKNOWN && t.matches(atr)) {
        return t;
      }
    }
    return UNKNOWN;
  }

  private boolean matches(byte[] atr) {
    if (prefix ? atr.length < value.length : atr.length != value.length) {
      return false;
    }
    for (int i = 0; i < value.length; i++) {
      if ((atr[i] & mask[i]) != (value[i] & mask[i])) {
        return false;
      }
    }
    return true;
  }
}
