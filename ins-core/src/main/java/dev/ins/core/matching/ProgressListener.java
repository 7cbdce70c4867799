package dev.ins.core.matching;

/**
 * Receives progress reports of a duplicate detection run, always on the thread that called
 * {@link DuplicateDetector#detect}, so it needs no synchronisation. It must return quickly.
 *
 * <pre>{@code
 * DuplicateDetector.builder().progressListener(p -> System.err.println(p)).build();
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Called at each phase change and periodically within a phase.
   *
   * @param progress the report
   */
  void onProgress(Progress progress);
}
