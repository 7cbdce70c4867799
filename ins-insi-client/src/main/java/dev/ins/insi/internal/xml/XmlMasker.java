package dev.ins.insi.internal.xml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks patient data in INSi XML (requests, responses, faults) for logs and captures: the text of
 * every element that can carry a trait or a matricule becomes {@code ***}. Works on any text,
 * well-formed or not.
 */
public final class XmlMasker {

  private static final Pattern SENSITIVE = Pattern.compile(
      "(<(?:[A-Za-z_][\\w.-]*:)?(NomNaissance|Prenom|ListePrenom|Sexe|DateNaissance|LieuNaissance"
          + "|NumIdentifiant|Cle|Num|DateNai|Rang|RangNaissance|Emetteur|NameID|AttributeValue)(?:\\s[^>]*)?>)"
          + "([^<]*)(<)");
  private static final Pattern NIR_SHAPED =
      Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{4}(?:[0-9]{2}|2[AaBb])[0-9]{6}(?:[0-9]{2})?(?![0-9A-Za-z])");

  private XmlMasker() {}

  /**
   * Masks the document.
   *
   * @param xml the XML text
   * @return the masked text
   */
  public static String mask(String xml) {
    if (xml == null) {
      return "null";
    }
    Matcher m = SENSITIVE.matcher(xml);
    StringBuilder sb = new StringBuilder(xml.length());
    while (m.find()) {
      String replacement = m.group(3).isEmpty() ? m.group(0) : m.group(1) + "***" + m.group(4);
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    // Anything shaped like a NIR that survived (e.g. in a fault text) is masked too.
    return NIR_SHAPED.matcher(sb).replaceAll("*************");
  }
}
