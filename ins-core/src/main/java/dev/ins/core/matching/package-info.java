/**
 * Identity matching: the strict INSi-vs-local verdict ({@link dev.ins.core.matching.StrictMatcher}),
 * duplicate and collision detection for identitovigilance
 * ({@link dev.ins.core.matching.DuplicateDetector}) and the string kernels they use
 * ({@link dev.ins.core.matching.JaroWinkler}, {@link dev.ins.core.matching.Phonex},
 * {@link dev.ins.core.matching.NirKey}).
 *
 * <pre>{@code
 * StrictVerdict v = StrictMatcher.compare(localTraits, insiTraits);
 * List<CandidatePair> pairs = DuplicateDetector.builder().build().detect(records);
 * }</pre>
 */
package dev.ins.core.matching;
