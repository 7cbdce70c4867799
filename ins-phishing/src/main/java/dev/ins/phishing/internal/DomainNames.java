package dev.ins.phishing.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;

/**
 * Domain-name helpers: normalisation to lower-case ASCII, Unicode display form, organisational
 * ("registrable") domain and IP literals.
 *
 * <p>The organisational domain is the public suffix plus one label. There is no Public Suffix List
 * file here: the suffix is the last label, or the last two for the multi-label suffixes listed in
 * {@link #MULTI_LABEL_SUFFIXES} (French, common foreign and common hosting ones). Relaxed DMARC
 * alignment and "same organisation" comparisons use it.
 */
public final class DomainNames {

  /** Two-label public suffixes known here (a subset of the Public Suffix List). */
  static final Set<String> MULTI_LABEL_SUFFIXES = Set.of(
      "gouv.fr", "asso.fr", "nom.fr", "com.fr", "tm.fr", "presse.fr", "prd.fr", "cci.fr", "notaires.fr",
      "co.uk", "org.uk", "me.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk",
      "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp", "or.jp", "com.br", "co.za", "com.mx",
      "com.tr", "com.cn", "co.in", "co.il", "com.sg", "com.hk", "co.kr", "com.ar", "com.co", "com.pl",
      "gouv.qc.ca", "qc.ca", "on.ca",
      "github.io", "blogspot.com", "herokuapp.com", "firebaseapp.com", "web.app", "pages.dev", "netlify.app",
      "vercel.app", "azurewebsites.net", "appspot.com", "r2.dev", "workers.dev", "glitch.me", "wixsite.com",
      "weebly.com", "000webhostapp.com", "ngrok.io", "ngrok-free.app", "duckdns.org", "no-ip.org");

  private DomainNames() {}

  /**
   * Normalises a host or domain: trims, lower-cases, drops a trailing dot and converts Unicode
   * labels to punycode.
   *
   * @param host the host as written, may be null
   * @return the lower-case ASCII form, or null when it is empty or not a domain name
   */
  public static String normalize(String host) {
    if (host == null) {
      return null;
    }
    String h = host.strip();
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty() || h.length() > 253) {
      return null;
    }
    boolean ascii = true;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
        return null;
      }
    }
    if (!ascii) {
      try {
        h = IDN.toASCII(h.replace('。', '.').replace('．', '.').replace('｡', '.'), IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    h = h.toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.startsWith(".") || h.contains("..")) {
      return null;
    }
    return h;
  }

  /**
   * Returns the Unicode form of an ASCII domain (punycode labels decoded).
   *
   * @param ascii the normalised domain
   * @return the display form; the ASCII form when a label does not decode
   */
  public static String unicode(String ascii) {
    if (!ascii.contains("xn--")) {
      return ascii;
    }
    try {
      return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return ascii;
    }
  }

  /**
   * Returns the organisational domain: the public suffix and one more label.
   *
   * @param domain the normalised domain
   * @return e.g. {@code ameli.fr} for {@code info.ameli.fr}, {@code esante.gouv.fr} for itself
   */
  public static String registrable(String domain) {
    int last = domain.lastIndexOf('.');
    if (last < 0) {
      return domain;
    }
    int second = domain.lastIndexOf('.', last - 1);
    if (second < 0) {
      return domain;
    }
    String suffix2 = domain.substring(second + 1);
    int third = domain.lastIndexOf('.', second - 1);
    if (MULTI_LABEL_SUFFIXES.contains(suffix2)) {
      if (third < 0) {
        return domain;
      }
      String suffix3 = domain.substring(third + 1);
      return MULTI_LABEL_SUFFIXES.contains(suffix3) ? registrableAbove(domain, third) : domain.substring(third + 1);
    }
    return domain.substring(second + 1);
  }

  private static String registrableAbove(String domain, int third) {
    int fourth = domain.lastIndexOf('.', third - 1);
    return fourth < 0 ? domain : domain.substring(fourth + 1);
  }

  /**
   * Returns the public suffix of an organisational domain.
   *
   * @param registrable an organisational domain
   * @return the suffix, e.g. {@code fr} or {@code gouv.fr}
   */
  public static String suffix(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? "" : registrable.substring(dot + 1);
  }

  /**
   * Returns the label of an organisational domain before its suffix.
   *
   * @param registrable an organisational domain
   * @return e.g. {@code ameli} for {@code ameli.fr}
   */
  public static String label(String registrable) {
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(0, dot);
  }

  /**
   * Tells whether a domain is a parent domain or one of its sub-domains.
   *
   * @param domain the normalised domain
   * @param parent the normalised parent
   * @return true for {@code info.ameli.fr} within {@code ameli.fr}
   */
  public static boolean within(String domain, String parent) {
    return domain.equals(parent)
        || (domain.length() > parent.length() && domain.endsWith(parent) && domain.charAt(domain.length() - parent.length() - 1) == '.');
  }

  /**
   * Tells whether two domains belong to the same organisation (relaxed alignment).
   *
   * @param a a normalised domain
   * @param b another
   * @return true when their organisational domains are equal
   */
  public static boolean sameOrganisation(String a, String b) {
    return a != null && b != null && registrable(a).equals(registrable(b));
  }

  /**
   * Tells whether a host is an IP literal (dotted IPv4, a bare number, or bracketed IPv6).
   *
   * @param host the host as written
   * @return true for {@code 192.0.2.7}, {@code [2001:db8::1]}, {@code 3221225991}
   */
  public static boolean isIpLiteral(String host) {
    if (host.startsWith("[") || host.indexOf(':') >= 0) {
      return true;
    }
    if (host.isEmpty()) {
      return false;
    }
    boolean hexOrDigits = true;
    int dots = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!(Character.isDigit(c) || c == 'x' || c == 'X' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        hexOrDigits = false;
        break;
      }
    }
    if (!hexOrDigits) {
      return false;
    }
    // Digits only (possibly dotted), or 0x-prefixed parts: every label numeric.
    for (String part : host.split("\\.", -1)) {
      if (part.isEmpty() || !(part.chars().allMatch(Character::isDigit) || part.toLowerCase(Locale.ROOT).startsWith("0x"))) {
        return false;
      }
    }
    return dots <= 3;
  }
}
