/**
 * JMH benchmarks of the SDK's hot paths, each beside a baseline, plus the Duke baseline adapter.
 * Runs from the shaded {@code benchmarks.jar} on the class path; this descriptor documents what the
 * benchmarks see.
 */
module dev.ins.benchmarks {
  requires dev.ins.core;
  requires jmh.core;
  requires org.apache.commons.text;
  requires duke;
  requires ins.core;
  requires com.fasterxml.jackson.databind;
}
