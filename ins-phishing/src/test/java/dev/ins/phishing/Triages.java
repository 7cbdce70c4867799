package dev.ins.phishing;

import dev.ins.phishing.testing.MailComposer;
import dev.ins.phishing.testing.MailCorpus;

/** One configured triage shared by the tests (building one loads Tika's and ICU's data). */
final class Triages {

  /** The authserv-id the tests' receiving server writes. */
  static final String MX = MailCorpus.AUTHSERV_ID;

  /** The practice's configuration, as in {@link MailCorpus}. */
  static final MailTriage PRACTICE = MailTriage.builder()
      .authservId(MX)
      .practiceDomain(MailCorpus.PRACTICE_DOMAIN)
      .trustedDomain("dentaldepot.fr")
      .trustedDomain("logiciel-dentaire.fr")
      .trustedDomain("labo-biomed.fr")
      .build();

  private Triages() {}

  /** Authentication-Results of the practice's server: SPF, DKIM and DMARC pass for the domain. */
  static String pass(String domain) {
    return MX + "; spf=pass smtp.mailfrom=" + domain + "; dkim=pass header.d=" + domain + " header.s=s1; dmarc=pass (p=REJECT) header.from=" + domain;
  }

  /** A message from an authenticated sender (DMARC pass), to which a test adds what it checks. */
  static MailComposer from(String displayName, String address) {
    String domain = address.substring(address.indexOf('@') + 1);
    return new MailComposer().authenticationResults(pass(domain)).from(displayName, address)
        .to("contact@" + MailCorpus.PRACTICE_DOMAIN).subject("Message");
  }

  static Assessment assess(MailComposer m) {
    return PRACTICE.assess(m.build());
  }
}
