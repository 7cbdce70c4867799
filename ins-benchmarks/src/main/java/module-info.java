/** JMH benchmarks of the SDK's hot paths, each beside a baseline. */
module dev.ins.benchmarks {
  requires dev.ins.core;
  requires dev.ins.security;
  requires jmh.core;

  opens dev.ins.benchmarks.security to jmh.core;
  opens dev.ins.benchmarks.security.jmh_generated to jmh.core;
}
