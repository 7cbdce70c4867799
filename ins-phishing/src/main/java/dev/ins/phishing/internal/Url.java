package dev.ins.phishing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A link target read leniently, the way a browser would: scheme, user-info, host and the rest.
 * Backslashes count as slashes, percent-escapes in the host are decoded, a target without a
 * scheme that starts with {@code www.} is taken as {@code http}.
 *
 * @param raw the target as written (trimmed)
 * @param scheme the lower-case scheme, or empty
 * @param userinfo what comes before {@code @} in the authority, or null
 * @param host the host as written (decoded), or empty
 * @param domain the normalised host, or null when it is not a domain name (IP literal, garbage)
 * @param rest the path, query and fragment
 */
public record Url(String raw, String scheme, String userinfo, String host, String domain, String rest) {

  private static final java.util.regex.Pattern PARAM_SEPARATORS = java.util.regex.Pattern.compile("[&#;]");
  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

  /**
   * Parses a link target.
   *
   * @param target the href or the URL found in text
   * @return the parsed target; never null
   */
  public static Url parse(String target) {
    String raw = target.strip();
    String s = raw;
    String scheme = "";
    int colon = s.indexOf(':');
    if (colon > 0 && SCHEME.matcher(s).region(0, colon).matches()) {
      scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
      s = s.substring(colon + 1);
    } else if (s.regionMatches(true, 0, "www.", 0, 4)) {
      scheme = "http";
      s = "//" + s;
    }
    if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp") || scheme.isEmpty() && s.startsWith("//"))) {
      return new Url(raw, scheme, null, "", null, s);
    }
    s = s.replace('\\', '/');
    int start = 0;
    while (start < s.length() && s.charAt(start) == '/') {
      start++;
    }
    int end = start;
    while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    String authority = s.substring(start, end);
    String rest = s.substring(end);
    String userinfo = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userinfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
    }
    String host = authority;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close > 0 ? host.substring(0, close + 1) : host;
    } else {
      int port = host.lastIndexOf(':');
      if (port >= 0) {
        host = host.substring(0, port);
      }
    }
    if (host.indexOf('%') >= 0) {
      host = percentDecode(host);
    }
    String domain = DomainNames.isIpLiteral(host) ? null : DomainNames.normalize(host);
    return new Url(raw, scheme, userinfo, host, domain, rest);
  }

  /**
   * Tells whether this is a web link (http, https, ftp or scheme-relative).
   *
   * @return true when it has a host to visit
   */
  public boolean isWeb() {
    return !host.isEmpty() && (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp") || scheme.isEmpty());
  }

  /**
   * Returns the URLs carried in the query or fragment parameters (decoded up to twice), as used by
   * redirectors.
   *
   * @return the carried URLs, at most four
   */
  public List<Url> carried() {
    List<Url> out = new ArrayList<>(1);
    int q = rest.indexOf('?');
    int h = rest.indexOf('#');
    if (q < 0 && h < 0) {
      return out;
    }
    String params = rest.substring(q >= 0 ? q + 1 : h + 1);
    for (String p : PARAM_SEPARATORS.split(params)) {
      int eq = p.indexOf('=');
      String v = eq >= 0 ? p.substring(eq + 1) : p;
      for (int round = 0; round < 3 && out.size() < 4; round++) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//") || lower.startsWith("www.")) {
          Url u = parse(v);
          if (u.isWeb()) {
            out.add(u);
          }
          break;
        }
        if (v.indexOf('%') < 0) {
          break;
        }
        v = percentDecode(v);
      }
    }
    return out;
  }

  /**
   * Returns a short form for a message: scheme, host and the beginning of the path.
   *
   * @return e.g. {@code http://evil.example/ameli/…}
   */
  public String shortForm() {
    String h = domain != null ? DomainNames.unicode(domain) : host;
    String r = rest.length() > 24 ? rest.substring(0, 24) + "…" : rest;
    return (scheme.isEmpty() ? "" : scheme + "://") + h + r;
  }

  private static String percentDecode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
