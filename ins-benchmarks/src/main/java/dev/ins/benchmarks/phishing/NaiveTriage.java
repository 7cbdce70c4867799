package dev.ins.benchmarks.phishing;

import com.ibm.icu.text.SpoofChecker;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.tika.Tika;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The straightforward triage a vendor would write with the same libraries, as the benchmark's
 * baseline: Jakarta Mail's {@code getContent()} on every part (activation data handlers, content
 * copied), jsoup on every HTML part, {@link URI} for every link, Tika's facade on every attachment,
 * {@code SpoofChecker.areConfusable} and Commons Text's Levenshtein against every trusted domain, and
 * keywords searched in a lower-cased, accent-stripped copy of the text. Same kinds of checks as
 * {@code MailTriage}, none of its shortcuts; a score, not its reasons.
 */
public final class NaiveTriage {

  private static final List<String> TRUSTED = List.of("ameli.fr", "urssaf.fr", "doctolib.fr", "impots.gouv.fr", "esante.gouv.fr",
      "cnil.fr", "mssante.fr", "credit-agricole.fr", "societegenerale.fr", "labanquepostale.fr", "dentaldepot.fr",
      "cabinet-martin-dentiste.fr");
  private static final List<String> BRANDS = List.of("assurance maladie", "ameli", "urssaf", "doctolib", "cnil", "e-cps", "credit agricole");
  private static final List<String> LURES = List.of("urgent", "immediatement", "suspendu", "bloque", "remboursement", "mot de passe",
      "identifiant", "carte vitale", "e-cps", "iban", "coordonnees bancaires");
  private static final List<String> DANGEROUS = List.of(".exe", ".scr", ".js", ".vbs", ".hta", ".lnk", ".iso", ".img", ".bat", ".ps1",
      ".docm", ".xlsm", ".jar", ".com", ".msi");

  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private final Session session = Session.getInstance(new Properties());
  private final Tika tika = new Tika();
  private final SpoofChecker spoof = new SpoofChecker.Builder().build();

  /** Creates the baseline (loads Tika's and ICU's data). */
  public NaiveTriage() {}

  /**
   * Scores a message, 0 to 100.
   *
   * @param raw the message
   * @return the score; 100 when it cannot be parsed at all
   */
  public int score(byte[] raw) {
    int score = 0;
    try {
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
      InternetAddress from = (InternetAddress) m.getFrom()[0];
      String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
      String display = from.getPersonal() == null ? "" : fold(from.getPersonal());
      for (String b : BRANDS) {
        if (display.contains(b) && !trusted(domain)) {
          score += 45;
          break;
        }
      }
      score += host(domain) ? 80 : 0;
      StringBuilder text = new StringBuilder(m.getSubject() == null ? "" : m.getSubject());
      List<String> links = new ArrayList<>();
      boolean[] encrypted = new boolean[1];
      score += walk(m, text, links, encrypted, 0);
      for (String href : links) {
        try {
          URI u = new URI(href.strip());
          String h = u.getHost();
          if (h == null) {
            score += "javascript".equalsIgnoreCase(u.getScheme()) || "data".equalsIgnoreCase(u.getScheme()) ? 40 : 0;
          } else if (h.matches("[0-9.]+")) {
            score += 30;
          } else {
            score += host(h.toLowerCase(Locale.ROOT)) ? 40 : 0;
          }
        } catch (java.net.URISyntaxException e) {
          score += 5;
        }
      }
      String folded = fold(text.toString());
      int lure = 0;
      for (String w : LURES) {
        if (folded.contains(w)) {
          lure += 8;
        }
      }
      score += Math.min(lure, 25);
      if (encrypted[0] && (folded.contains("mot de passe") || folded.contains("mdp"))) {
        score += 80;
      }
    } catch (Exception e) {
      return 100;
    }
    return Math.min(score, 100);
  }

  private int walk(Part p, StringBuilder text, List<String> links, boolean[] encrypted, int depth) throws Exception {
    if (depth > 16) {
      return 30;
    }
    Object content = p.getContent();
    if (content instanceof Multipart mp) {
      int s = 0;
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart bp = mp.getBodyPart(i);
        s += walk(bp, text, links, encrypted, depth + 1);
      }
      return s;
    }
    String name = p.getFileName();
    if (name == null && content instanceof String s) {
      if (p.isMimeType("text/html")) {
        Document d = Jsoup.parse(s);
        text.append(d.text());
        for (Element a : d.select("a[href]")) {
          links.add(a.attr("href"));
        }
      } else {
        text.append(s);
        for (String w : s.split("\\s+")) {
          if (w.startsWith("http://") || w.startsWith("https://")) {
            links.add(w);
          }
        }
      }
      return 0;
    }
    byte[] bytes;
    try (InputStream in = p.getInputStream()) {
      bytes = in.readAllBytes();
    }
    int s = 0;
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT).strip();
    for (String ext : DANGEROUS) {
      if (lower.endsWith(ext)) {
        s += 80;
      }
    }
    String type = tika.detect(bytes);
    if (type.contains("msdownload") || type.contains("executable") || type.contains("iso9660")) {
      s += 80;
    }
    if (type.contains("zip") || type.contains("ooxml")) {
      try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
        ZipEntry e;
        while ((e = z.getNextEntry()) != null) {
          String n = e.getName().toLowerCase(Locale.ROOT);
          if (n.endsWith("vbaproject.bin") || DANGEROUS.stream().anyMatch(n::endsWith)) {
            s += 80;
          }
        }
      } catch (IOException e) {
        encrypted[0] = String.valueOf(e.getMessage()).contains("encrypted");
        s += 35;
      }
    }
    if ((type.contains("msoffice") || type.contains("msword") || type.contains("ms-excel")) && new String(bytes, java.nio.charset.StandardCharsets.UTF_16LE).contains("_VBA_PROJECT")) {
      s += 80;
    }
    return s;
  }

  private boolean trusted(String domain) {
    for (String t : TRUSTED) {
      if (domain.equals(t) || domain.endsWith("." + t)) {
        return true;
      }
    }
    return false;
  }

  /** A look-alike or confusable of a trusted domain. */
  private boolean host(String h) {
    if (trusted(h)) {
      return false;
    }
    for (String t : TRUSTED) {
      if (spoof.areConfusable(h, t) != 0 || LEVENSHTEIN.apply(h, t) <= 2) {
        return true;
      }
      String brand = t.substring(0, t.indexOf('.'));
      if (h.contains(brand + "-") || h.contains("-" + brand)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
