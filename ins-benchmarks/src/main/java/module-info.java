/** JMH benchmarks of the SDK's hot paths, each beside a baseline. */
module dev.ins.benchmarks {
  requires dev.ins.core;
  requires dev.ins.insi;
  requires jmh.core;

  exports dev.ins.benchmarks.insi;
}
