/**
 * The INS domain model: matricule INS and its OID, the identity traits, strict validation and
 * normalisation of typed input, NIR/trait consistency, identity status and its transitions.
 *
 * <p>Depends on no library: Jackson is optional and only needed by {@code dev.ins.core.json},
 * picocli only by the command lines.
 */
module dev.ins.core {
  requires static com.fasterxml.jackson.databind;
  // Optional: only the command lines use picocli; their jars bring it.
  requires static info.picocli;

  exports dev.ins.core;
  // The command-line conventions are for the SDK's own tools, not an API for vendors.
  exports dev.ins.core.cli to
      dev.ins.security, dev.ins.insi, dev.ins.cardreader, dev.ins.benchmarks, dev.ins.demo,
      dev.ins.practice, dev.ins.phishing, dev.ins.spark, dev.ins.interop;
  exports dev.ins.core.json;
  exports dev.ins.core.datamatrix;
  exports dev.ins.core.fhir;
  exports dev.ins.core.hl7;
  exports dev.ins.core.matching;
  exports dev.ins.core.vitale;

  // The dedup command's picocli annotations are read reflectively.
  opens dev.ins.core.internal.cli to info.picocli;
}
