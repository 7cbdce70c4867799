package dev.ins.phishing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Collects the links, forms and images of a message: HTML parts and HTML attachments parsed with
 * jsoup (anchors, image maps, forms, meta refresh, script redirects of attachments), and URLs
 * written in the text parts. The visible text of the HTML parts joins the message text.
 */
final class LinkScanner {

  /**
   * A link.
   *
   * @param url the target
   * @param text the visible text, or null
   * @param source the attachment it comes from, or null for the body
   */
  record Link(Url url, String text, String source) {}

  /**
   * A form.
   *
   * @param action where it posts, as written
   * @param password whether it asks for a password
   * @param fields how many data-entry fields it has
   * @param source the attachment it comes from, or null for the body
   */
  record Form(String action, boolean password, int fields, String source) {}

  /** What was found. */
  static final class Found {
    final List<Link> links = new ArrayList<>();
    final List<Form> forms = new ArrayList<>(0);
    int images;
    boolean truncated;
  }

  private static final Pattern TEXT_URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'\\u00A0\\u3000]{2,2048}");
  private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(?:location(?:\\.href)?\\s*=|location\\.(?:replace|assign)\\()\\s*['\"]([^'\"]{4,2048})['\"]");
  private static final Pattern PASSWORD_NAME = Pattern.compile("(?i).*(pass|pwd|mdp|motdepasse|mot_de_passe|secret|cvv|cvc|pin).*");

  private LinkScanner() {}

  /**
   * Scans the HTML and the text of a message.
   *
   * @param content the parsed message; the visible text of its HTML body parts is appended to its text
   * @param maxLinks the most links kept
   * @return the links, forms and images
   */
  static Found scan(MailContent content, int maxLinks) {
    Found found = new Found();
    found.images = content.imageParts;
    for (MailContent.Html h : content.html) {
      Document doc = Jsoup.parse(h.html());
      String source = h.attachmentName();
      if (source == null) {
        content.text.append(doc.text()).append('\n');
      }
      // One pass over the elements (each select() would be another traversal).
      for (Element e : doc.getAllElements()) {
        switch (e.normalName()) {
          case "a", "area" -> {
            if (e.hasAttr("href")) {
              add(found, new Link(Url.parse(e.attr("href")), e.text(), source), maxLinks);
            }
          }
          case "meta" -> {
            if (e.attr("http-equiv").equalsIgnoreCase("refresh")) {
              String c = e.attr("content");
              int u = c.toLowerCase(Locale.ROOT).indexOf("url=");
              if (u >= 0) {
                add(found, new Link(Url.parse(c.substring(u + 4).replace("'", "").replace("\"", "")), null, source), maxLinks);
              }
            }
          }
          case "script" -> {
            if (source != null) {
              Matcher m = SCRIPT_URL.matcher(e.data());
              while (m.find()) {
                add(found, new Link(Url.parse(m.group(1)), null, source), maxLinks);
              }
            }
          }
          case "form" -> form(found, e, source);
          case "img" -> found.images++;
          default -> {
            // Other elements carry no link.
          }
        }
      }
    }
    Matcher m = TEXT_URL.matcher(content.plainText);
    while (m.find()) {
      String u = m.group();
      while (!u.isEmpty() && ".,;:!?)]}»>".indexOf(u.charAt(u.length() - 1)) >= 0) {
        u = u.substring(0, u.length() - 1);
      }
      add(found, new Link(Url.parse(u), null, null), maxLinks);
    }
    return found;
  }

  private static void form(Found found, Element f, String source) {
    boolean password = false;
    int fields = 0;
    for (Element i : f.select("input, textarea, select")) {
      String type = i.attr("type").toLowerCase(Locale.ROOT);
      if (i.normalName().equals("input") && (type.equals("hidden") || type.equals("submit") || type.equals("button")
          || type.equals("search") || type.equals("checkbox") || type.equals("radio") || type.equals("image") || type.equals("reset"))) {
        continue;
      }
      fields++;
      if (type.equals("password") || PASSWORD_NAME.matcher(i.attr("name")).matches() || PASSWORD_NAME.matcher(i.id()).matches()) {
        password = true;
      }
    }
    if (fields > 0) {
      found.forms.add(new Form(f.attr("action"), password, fields, source));
    }
  }

  static void add(Found found, Link link, int max) {
    if (found.links.size() < max) {
      found.links.add(link);
    } else {
      found.truncated = true;
    }
  }
}
