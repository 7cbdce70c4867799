package dev.ins.insi.transport;

import dev.ins.insi.InsiException;
import dev.ins.insi.InsiTransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reports one {@link Sample} per exchange to a sink (a metrics registry, a counter, a test list).
 * Samples hold no patient data.
 *
 * <pre>{@code
 * MetricsInterceptor m = new MetricsInterceptor(s -> timer.record(s.duration()));
 * }</pre>
 */
public final class MetricsInterceptor implements InsiInterceptor {

  /**
   * One exchange.
   *
   * @param action the wsa:Action
   * @param httpStatus the HTTP status, or -1 when none was received
   * @param outcome {@code OK}, {@code HTTP_ERROR} or the transport error code name
   * @param duration how long the exchange took
   * @param requestBytes bytes sent
   * @param responseBytes bytes received
   */
  public record Sample(String action, int httpStatus, String outcome, Duration duration, int requestBytes,
      int responseBytes) {}

  private final Consumer<Sample> sink;

  /**
   * Creates the interceptor.
   *
   * @param sink where samples go; must be thread-safe when the client is shared
   */
  public MetricsInterceptor(Consumer<Sample> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public TransportResponse intercept(Chain chain) {
    TransportRequest req = chain.request();
    long t0 = System.nanoTime();
    try {
      TransportResponse res = chain.proceed(req);
      sink.accept(new Sample(req.action(), res.status(), res.status() / 100 == 2 ? "OK" : "HTTP_ERROR",
          Duration.ofNanos(System.nanoTime() - t0), req.body().length, res.body().length));
      return res;
    } catch (InsiException e) {
      String outcome = e instanceof InsiTransportException
          ? ((InsiTransportException) e).errorCode().name() : e.getClass().getSimpleName();
      sink.accept(new Sample(req.action(), -1, outcome, Duration.ofNanos(System.nanoTime() - t0),
          req.body().length, 0));
      throw e;
    }
  }
}
