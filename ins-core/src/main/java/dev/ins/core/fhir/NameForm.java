package dev.ins.core.fhir;

/**
 * How {@link FrCorePatientIns#fromJson(CharSequence, NameForm)} reads names.
 *
 * <p>FR Core lets senders write display case ({@code "Anne-Sophie"}), while the INS traits are in
 * INS form ({@code "ANNE-SOPHIE"}).
 *
 * <pre>{@code
 * FrCorePatientIns.fromJson(json, NameForm.NORMALIZE);
 * }</pre>
 */
public enum NameForm {
  /** Names must already be in INS form; anything else is rejected, naming the field and the rule. */
  INS_FORM,
  /**
   * Names are brought to INS form first (upper case, accents stripped, typographic apostrophes and
   * dashes mapped, see {@link dev.ins.core.NameNormalizer}); characters with no INS equivalent are
   * still rejected.
   */
  NORMALIZE
}
