package dev.ins.core.matching;

/**
 * Counts of a duplicate detection run: deterministic for the same input and settings.
 *
 * <pre>{@code
 * DetectionSummary s = detector.detect(records.iterator(), pairs::add);
 * s.comparisons(); // scored pairs
 * }</pre>
 *
 * @param records records read
 * @param comparisons candidate pairs scored (after removing pairs already scored in an earlier pass)
 * @param pairs pairs emitted
 * @param oversizedBlocks blocks larger than the cap, compared only within a sliding window
 */
public record DetectionSummary(long records, long comparisons, long pairs, long oversizedBlocks) {}
