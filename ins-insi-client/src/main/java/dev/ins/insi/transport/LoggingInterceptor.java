package dev.ins.insi.transport;

import dev.ins.insi.InsiException;
import dev.ins.insi.internal.xml.XmlMasker;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each exchange through SLF4J (logger {@code dev.ins.insi.exchange}): action, message ID,
 * sizes, status and duration at INFO; at DEBUG also the envelopes, with patient data masked.
 * Clear bodies need {@link #revealingPatientData()}, meant for a developer's machine only.
 *
 * <pre>{@code
 * InsiClient.builder()...interceptor(LoggingInterceptor.masked());
 * }</pre>
 */
public final class LoggingInterceptor implements InsiInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ins.insi.exchange");
  private final boolean reveal;

  private LoggingInterceptor(boolean reveal) {
    this.reveal = reveal;
  }

  /**
   * Returns the default, masking interceptor.
   *
   * @return the interceptor
   */
  public static LoggingInterceptor masked() {
    return new LoggingInterceptor(false);
  }

  /**
   * Returns an interceptor that logs bodies in clear at DEBUG. Never use it with real patients.
   *
   * @return the interceptor
   */
  public static LoggingInterceptor revealingPatientData() {
    return new LoggingInterceptor(true);
  }

  @Override
  public TransportResponse intercept(Chain chain) {
    TransportRequest req = chain.request();
    long t0 = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("INSi request {} {}: {}", req.action(), req.messageId(), body(req.body()));
    }
    try {
      TransportResponse res = chain.proceed(req);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info("INSi {} {} -> HTTP {} ({} bytes sent, {} received, {} ms)", shortAction(req.action()),
          req.messageId(), res.status(), req.body().length, res.body().length, ms);
      if (LOG.isDebugEnabled()) {
        LOG.debug("INSi response {}: {}", req.messageId(), body(res.body()));
      }
      return res;
    } catch (InsiException e) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.warn("INSi {} {} failed after {} ms: {}", shortAction(req.action()), req.messageId(), ms, e.getMessage());
      throw e;
    }
  }

  private String body(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    return reveal ? s : XmlMasker.mask(s);
  }

  private static String shortAction(String action) {
    int i = action.lastIndexOf(':');
    return i < 0 ? action : action.substring(i + 1);
  }
}
