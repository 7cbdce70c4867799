package dev.ins.core;

/**
 * What typed input does with the ligatures {@code Æ} and {@code Œ}, which INSi refuses (CNDA case
 * 2.03 cas 3: the software blocks them before any call).
 *
 * <p>The default, {@link #REFUSE}, reports them as {@link ViolationCode#LIGATURE}; the only way to
 * send such a name is an explicit, greppable decision: show the operator the transliterated traits
 * ({@code Æ}→{@code AE}, {@code Œ}→{@code OE}) and use {@link #TRANSLITERATE_CONFIRMED_BY_OPERATOR}
 * once they confirm.
 *
 * <pre>{@code
 * Traits.fromTyped("D'Æion", "Cœur", date, Sex.MALE, null);   // InsValidationException LIGATURE
 * Traits t = Traits.fromTyped("D'Æion", "Cœur", date, Sex.MALE, null,
 *     LigaturePolicy.TRANSLITERATE_CONFIRMED_BY_OPERATOR);     // D'AEION / COEUR, after confirmation
 * }</pre>
 */
public enum LigaturePolicy {
  /** Refuse typed names holding {@code Æ}, {@code æ}, {@code Œ} or {@code œ} (the default). */
  REFUSE,
  /** Transliterate them ({@code AE}, {@code OE}): the operator saw the result and confirmed it. */
  TRANSLITERATE_CONFIRMED_BY_OPERATOR
}
