package dev.ins.security.logging;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger facade that formats the message and redacts matricule-shaped values from the
 * result (and from exception messages) before logging. Level checks come first, so disabled
 * levels cost nothing.
 *
 * <pre>{@code
 * private static final PiiSafeLogger LOG = PiiSafeLogger.getLogger(MyClass.class);
 * LOG.info("no identity for {}", matriculeText); // logs "no identity for *************89"
 * }</pre>
 */
public final class PiiSafeLogger {
  private final Logger delegate;

  private PiiSafeLogger(Logger delegate) {
    this.delegate = delegate;
  }

  /**
   * Returns the facade for a class.
   *
   * @param type the class
   * @return the logger
   */
  public static PiiSafeLogger getLogger(Class<?> type) {
    return new PiiSafeLogger(LoggerFactory.getLogger(type));
  }

  /**
   * Wraps an existing SLF4J logger.
   *
   * @param delegate the logger
   * @return the facade
   */
  public static PiiSafeLogger wrap(Logger delegate) {
    return new PiiSafeLogger(Objects.requireNonNull(delegate, "delegate == null"));
  }

  private static String format(String pattern, Object... args) {
    var tuple = MessageFormatter.arrayFormat(pattern, args);
    String msg = PiiRedactor.redact(tuple.getMessage());
    Throwable t = tuple.getThrowable();
    if (t != null) {
      msg = msg + " [" + t.getClass().getName() + ": " + PiiRedactor.redact(t.getMessage()) + "]";
    }
    return msg;
  }

  /**
   * Logs at DEBUG.
   *
   * @param pattern SLF4J pattern
   * @param args arguments (a trailing Throwable is summarised, its stack trace is not logged)
   */
  public void debug(String pattern, Object... args) {
    if (delegate.isDebugEnabled()) {
      delegate.debug(format(pattern, args));
    }
  }

  /**
   * Logs at INFO.
   *
   * @param pattern SLF4J pattern
   * @param args arguments
   */
  public void info(String pattern, Object... args) {
    if (delegate.isInfoEnabled()) {
      delegate.info(format(pattern, args));
    }
  }

  /**
   * Logs at WARN.
   *
   * @param pattern SLF4J pattern
   * @param args arguments
   */
  public void warn(String pattern, Object... args) {
    if (delegate.isWarnEnabled()) {
      delegate.warn(format(pattern, args));
    }
  }

  /**
   * Logs at ERROR.
   *
   * @param pattern SLF4J pattern
   * @param args arguments
   */
  public void error(String pattern, Object... args) {
    if (delegate.isErrorEnabled()) {
      delegate.error(format(pattern, args));
    }
  }
}
