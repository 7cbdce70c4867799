/**
 * The INS domain model: matricule INS and its OID, the identity traits, strict validation and
 * normalisation of typed input, NIR/trait consistency, identity status and its transitions.
 *
 * <p>Depends on nothing but SLF4J's API; Jackson is optional and only needed by
 * {@code dev.ins.core.json}.
 */
module dev.ins.core {
  requires static com.fasterxml.jackson.databind;

  exports dev.ins.core;
  exports dev.ins.core.cli;
  exports dev.ins.core.json;
}
