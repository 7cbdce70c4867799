package dev.ins.phishing.internal;

import jakarta.mail.util.StreamProvider;

/**
 * Pins Jakarta Mail's stream provider through its documented system property, so that
 * {@code MimeUtility} stops looking it up through a ServiceLoader for every encoded word
 * (jakartaee/mail-api issue 861).
 */
public final class StreamProviders {

  /** The system property Jakarta Mail's factory finder reads first. */
  static final String PROPERTY = StreamProvider.class.getName();

  private StreamProviders() {}

  /**
   * Sets the property to the provider Jakarta Mail finds now, when the property is unset and the
   * provider is Angus Mail's; otherwise leaves everything as it is.
   */
  public static synchronized void pin() {
    try {
      if (System.getProperty(PROPERTY) != null) {
        return;
      }
      String found = StreamProvider.provider().getClass().getName();
      if (found.equals("org.eclipse.angus.mail.util.MailStreamProvider")) {
        System.setProperty(PROPERTY, found);
      }
    } catch (RuntimeException e) {
      // No provider or no permission: Jakarta Mail keeps its default lookup.
    }
  }
}
