/**
 * JMH benchmarks of the SDK's hot paths, each beside a baseline measured in the same run, plus the
 * executable dedup jar. The benchmarks run from the shaded {@code benchmarks.jar} on the class path;
 * this descriptor documents what they see.
 */
module dev.ins.benchmarks {
  requires dev.ins.core;
  requires dev.ins.security;
  requires dev.ins.insi;
  requires dev.ins.cardreader;
  requires dev.ins.phishing;
  requires ins.phishing;
  requires jakarta.mail;
  requires org.jsoup;
  requires com.ibm.icu;
  requires org.apache.tika.core;
  requires java.management;
  requires jmh.core;
  requires org.apache.commons.text;
  requires duke;
  requires ins.core;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;

  // JMH instantiates benchmark states and generated classes reflectively.
  opens dev.ins.benchmarks to jmh.core, info.picocli;
  opens dev.ins.benchmarks.jmh_generated to jmh.core;
  opens dev.ins.benchmarks.security to jmh.core;
  opens dev.ins.benchmarks.security.jmh_generated to jmh.core;
  opens dev.ins.benchmarks.cardreader to jmh.core;
  opens dev.ins.benchmarks.cardreader.jmh_generated to jmh.core;
  opens dev.ins.benchmarks.insi to jmh.core;
  opens dev.ins.benchmarks.insi.jmh_generated to jmh.core;
  opens dev.ins.benchmarks.phishing to jmh.core;
  opens dev.ins.benchmarks.phishing.jmh_generated to jmh.core;
}
