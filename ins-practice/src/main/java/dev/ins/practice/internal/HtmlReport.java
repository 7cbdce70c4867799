package dev.ins.practice.internal;

import dev.ins.practice.PostureCheck;
import dev.ins.practice.PostureReport;
import dev.ins.practice.PostureStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one-page HTML posture report: self-contained (inline CSS, no script, no external resource),
 * A4 print layout, and each row's colour repeated as a word and a symbol so it reads in black and
 * white.
 */
public final class HtmlReport {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

  private static final String CSS = """
      @page { size: A4 portrait; margin: 10mm; }
      * { box-sizing: border-box; }
      body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 7.6pt; line-height: 1.18; color: #111;
             margin: 0 auto; max-width: 190mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #111;
               margin-bottom: 3mm; }
      h1 { font-size: 14pt; margin: 0 0 1mm 0; }
      .meta { font-size: 8pt; }
      .overall { font-weight: bold; padding: 1mm 3mm; border: 2px solid #111; border-radius: 2mm; }
      table { width: 100%; border-collapse: collapse; table-layout: fixed; }
      th, td { border: 1px solid #555; padding: 0.6mm 1mm; vertical-align: top; text-align: left; }
      td.why { font-size: 6.8pt; color: #333; }
      th { background: #e6e6e6; font-size: 8pt; }
      td.status { font-weight: bold; white-space: nowrap; }
      col.c1 { width: 16mm; } col.c2 { width: 29mm; } col.c3 { width: 60mm; } col.c4 { width: 47mm; } col.c5 { width: 38mm; }
      tr.GREEN td.status { background: #c8f0c8; }
      tr.AMBER td.status { background: #ffe0a0; }
      tr.RED td.status { background: #ffb4b4; border-left: 3mm solid #b00000; }
      tr.UNKNOWN td.status { background: #e0e0e0; }
      tr.RED td.finding { font-weight: bold; }
      .area { color: #444; font-size: 7.4pt; display: block; }
      .legend { margin-top: 2mm; font-size: 7.4pt; }
      footer { margin-top: 2mm; font-size: 7.4pt; border-top: 1px solid #999; padding-top: 1mm; }
      tr { page-break-inside: avoid; break-inside: avoid; }
      """;

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param r the report
   * @return the HTML document
   */
  public static String render(PostureReport r) {
    StringBuilder b = new StringBuilder(16384);
    PostureStatus overall = r.overall();
    b.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>Bilan de sécurité du cabinet — ").append(esc(r.practiceName())).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n<header>\n<div>\n<h1>Bilan de sécurité du cabinet</h1>\n")
        .append("<div class=\"meta\">").append(esc(r.practiceName())).append(" — établi le ")
        .append(esc(WHEN.format(r.generatedAt()))).append("</div>\n</div>\n")
        .append("<div class=\"overall ").append(overall.name()).append("\" id=\"overall\" data-status=\"").append(overall.name())
        .append("\">Bilan : ").append(overall.symbol()).append(' ').append(overall.label()).append("</div>\n</header>\n")
        .append("<p class=\"meta\">").append(r.count(PostureStatus.RED)).append(" point(s) à corriger, ")
        .append(r.count(PostureStatus.AMBER)).append(" à surveiller, ").append(r.count(PostureStatus.UNKNOWN))
        .append(" non vérifiable(s), ").append(r.count(PostureStatus.GREEN)).append(" conforme(s).</p>\n")
        .append("<table>\n<colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"><col class=\"c5\"></colgroup>\n")
        .append("<thead><tr><th>État</th><th>Point vérifié</th><th>Constat</th><th>Pourquoi c'est important</th><th>Que faire</th></tr></thead>\n<tbody>\n");
    for (PostureCheck c : r.checks()) {
      b.append("<tr class=\"").append(c.status().name()).append("\" data-check=\"").append(esc(c.id())).append("\" data-status=\"")
          .append(c.status().name()).append("\">")
          .append("<td class=\"status\">").append(c.status().symbol()).append(' ').append(c.status().label()).append("</td>")
          .append("<td><span class=\"area\">").append(esc(c.area())).append("</span>").append(esc(c.title())).append("</td>")
          .append("<td class=\"finding\">").append(esc(c.finding())).append("</td>")
          .append("<td class=\"why\">").append(esc(c.why())).append("</td>")
          .append("<td>").append(esc(c.fix().isEmpty() ? "—" : c.fix())).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n<p class=\"legend\">");
    for (PostureStatus s : PostureStatus.values()) {
      b.append(s.symbol()).append(' ').append(s.label()).append(" : ").append(esc(s.meaning())).append(". ");
    }
    b.append("</p>\n<footer>En cas d'attaque : débranchez le câble réseau et coupez le Wi-Fi, n'éteignez pas les postes, "
        + "appelez votre support informatique, puis suivez le mode incident du logiciel. Assistance : cybermalveillance.gouv.fr ; "
        + "CERT Santé : 09 72 43 91 25. Ce bilan ne contient aucune donnée de patient.</footer>\n</body>\n</html>\n");
    return b.toString();
  }

  /**
   * Escapes text for HTML content and attributes.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
