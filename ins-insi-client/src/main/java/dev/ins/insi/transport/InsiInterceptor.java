package dev.ins.insi.transport;

/**
 * A cross-cutting step around each transport call: logging, metrics, capture, signing.
 * Interceptors run in the order they were added, each calling {@link Chain#proceed} once
 * (or not at all, to short-circuit).
 *
 * <pre>{@code
 * InsiInterceptor timing = chain -> {
 *   long t0 = System.nanoTime();
 *   try {
 *     return chain.proceed(chain.request());
 *   } finally {
 *     record(System.nanoTime() - t0);
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface InsiInterceptor {

  /**
   * Handles one call.
   *
   * @param chain the rest of the chain
   * @return the response
   */
  TransportResponse intercept(Chain chain);

  /** The rest of the chain, ending with the transport. */
  interface Chain {
    /**
     * Returns the request as it reached this interceptor.
     *
     * @return the request
     */
    TransportRequest request();

    /**
     * Passes a request on.
     *
     * @param request the request (possibly modified)
     * @return the response
     */
    TransportResponse proceed(TransportRequest request);
  }
}
