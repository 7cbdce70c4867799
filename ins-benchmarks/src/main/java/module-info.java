/** JMH benchmarks of the SDK's hot paths, each beside a baseline. */
module dev.ins.benchmarks {
  requires dev.ins.core;
  requires dev.ins.cardreader;
  requires jmh.core;

  // JMH instantiates benchmark states and generated classes reflectively.
  opens dev.ins.benchmarks.cardreader;
  opens dev.ins.benchmarks.cardreader.jmh_generated;
}
