package dev.ins.insi.transport;

import dev.ins.insi.InsiException;
import dev.ins.insi.internal.xml.XmlMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the request and response XML of every attempt, for the CNDA acceptance file ("dossier de
 * recette"). Not installed by default; masked unless created with {@link #revealingPatientData()}.
 *
 * <pre>{@code
 * CaptureInterceptor capture = CaptureInterceptor.masked();
 * InsiClient client = InsiClient.builder()...interceptor(capture).build();
 * client.searchByTraits(traits);
 * capture.writeTo(Path.of("recette/2.04-cas2"));
 * }</pre>
 */
public final class CaptureInterceptor implements InsiInterceptor {

  /**
   * One captured exchange.
   *
   * @param messageId the request's message ID
   * @param action the wsa:Action
   * @param requestXml the request envelope (masked unless revealing)
   * @param responseXml the response body (masked unless revealing), or empty when none came
   * @param httpStatus the HTTP status, or -1
   */
  public record Exchange(String messageId, String action, String requestXml, Optional<String> responseXml,
      int httpStatus) {}

  private final boolean reveal;
  private final List<Exchange> exchanges = new ArrayList<>();

  private CaptureInterceptor(boolean reveal) {
    this.reveal = reveal;
  }

  /**
   * Returns a capture with patient data masked.
   *
   * @return the interceptor
   */
  public static CaptureInterceptor masked() {
    return new CaptureInterceptor(false);
  }

  /**
   * Returns a capture keeping the XML in clear, as the CNDA acceptance file requires with test
   * identities. Never use it with real patients.
   *
   * @return the interceptor
   */
  public static CaptureInterceptor revealingPatientData() {
    return new CaptureInterceptor(true);
  }

  @Override
  public TransportResponse intercept(Chain chain) {
    TransportRequest req = chain.request();
    String reqXml = text(req.body());
    try {
      TransportResponse res = chain.proceed(req);
      add(new Exchange(req.messageId(), req.action(), reqXml, Optional.of(text(res.body())), res.status()));
      return res;
    } catch (InsiException e) {
      add(new Exchange(req.messageId(), req.action(), reqXml, Optional.empty(), -1));
      throw e;
    }
  }

  private synchronized void add(Exchange e) {
    exchanges.add(e);
  }

  private String text(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    return reveal ? s : XmlMasker.mask(s);
  }

  /**
   * Returns the exchanges captured so far, in order.
   *
   * @return a snapshot
   */
  public synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Forgets the exchanges captured so far. */
  public synchronized void clear() {
    exchanges.clear();
  }

  /**
   * Writes each exchange as {@code NN-request.xml} / {@code NN-response.xml} in a directory.
   *
   * @param dir the directory, created if needed
   * @return the files written
   * @throws IOException when writing fails
   */
  public List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    List<Exchange> snapshot = exchanges();
    for (int i = 0; i < snapshot.size(); i++) {
      Exchange e = snapshot.get(i);
      String n = String.format("%02d", i + 1);
      out.add(Files.writeString(dir.resolve(n + "-request.xml"), e.requestXml(), StandardCharsets.UTF_8));
      if (e.responseXml().isPresent()) {
        out.add(Files.writeString(dir.resolve(n + "-response.xml"), e.responseXml().get(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
