/**
 * Duplicate and collision detection of {@code ins-core}'s
 * {@link dev.ins.core.matching.DuplicateDetector} as an Apache Spark job, for identity bases that
 * outgrow one machine: the same blocking passes and the same scoring kernels
 * ({@link dev.ins.core.matching.DedupKernel}), the same pairs, kinds and scores.
 */
package dev.ins.spark;
