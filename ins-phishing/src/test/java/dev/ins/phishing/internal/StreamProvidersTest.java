package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamProvidersTest {

  @Test
  void pin_setsAngusWhenUnset_andNeverOverridesAChoice() {
    String before = System.getProperty(StreamProviders.PROPERTY);
    try {
      System.clearProperty(StreamProviders.PROPERTY);
      StreamProviders.pin();
      assertEquals("org.eclipse.angus.mail.util.MailStreamProvider", System.getProperty(StreamProviders.PROPERTY));
      System.setProperty(StreamProviders.PROPERTY, "com.example.OtherProvider");
      StreamProviders.pin();
      assertEquals("com.example.OtherProvider", System.getProperty(StreamProviders.PROPERTY));
    } finally {
      if (before == null) {
        System.clearProperty(StreamProviders.PROPERTY);
      } else {
        System.setProperty(StreamProviders.PROPERTY, before);
      }
    }
  }
}
