/**
 * Triage of a practice's incoming mail: sender authentication and impersonation, look-alike
 * domains, links, attachments judged by content, French lure wording; a verdict explained in French.
 *
 * <p>Libraries and how they sit on the module path: Jakarta Mail 2.1 ({@code jakarta.mail}) with
 * Angus Mail ({@code org.eclipse.angus.mail}, which provides the MIME decoders as a service) and
 * Angus Activation, jsoup ({@code org.jsoup}), all explicit modules; ICU4J ({@code com.ibm.icu}) and
 * Tika core ({@code org.apache.tika.core}) are automatic modules named by their
 * {@code Automatic-Module-Name} (hence {@code -Xlint:-requires-automatic} in the pom). None of them
 * shares a package with another. Tika core's own dependencies are required explicitly (see below).
 * Depends on ins-core only among the SDK's modules.
 */
module dev.ins.phishing {
  requires transitive dev.ins.core;
  requires jakarta.mail;
  // The StreamProvider implementation (base64, quoted-printable decoders) that jakarta.mail loads.
  requires org.eclipse.angus.mail;
  requires org.jsoup;
  requires com.ibm.icu;
  requires org.apache.tika.core;
  // Tika core is an automatic module and declares nothing: the modules it uses at run time are
  // required here so that they are in the module graph (SLF4J, Commons IO, its secure XML reader,
  // and java.sql, which TikaInputStream's signatures name).
  requires org.slf4j;
  requires java.sql;
  requires org.apache.commons.io;
  requires org.apache.commons.xml.secure;
  requires info.picocli;

  exports dev.ins.phishing;

  // picocli reads the command classes reflectively.
  opens dev.ins.phishing.internal.cli to info.picocli;
}
