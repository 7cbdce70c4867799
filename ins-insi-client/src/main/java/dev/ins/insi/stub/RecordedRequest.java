package dev.ins.insi.stub;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the stub server received: HTTP details, client certificate CN and the envelope read back
 * (action, message ID, contexts, body fields). Lets tests assert exactly what a client sent.
 * Holds patient data: do not log.
 *
 * <pre>{@code
 * RecordedRequest r = stub.requests().get(0);
 * assertEquals(List.of("PIERRE-ALAIN"), r.prenoms());
 * }</pre>
 *
 * @param method HTTP method
 * @param path request path
 * @param headers HTTP headers (lower-case names, first value)
 * @param clientCn the client certificate's CN
 * @param body the raw envelope
 * @param action wsa:Action, or null when unreadable
 * @param messageId wsa:MessageID, or null
 * @param lps ContexteLPS fields: {@code Nature, Version, Id, Temps, Emetteur, IDAM, IDAM@R, LPS.Version,
 *     Instance, Nom}; empty when absent
 * @param bam ContexteBAM fields: {@code Nature, Version, Id, Temps, Emetteur, COUVERTURE (empty|filled)}
 * @param securityElements how many elements wsse:Security held
 * @param operation {@code RECSANSVITALE}, {@code RECVITALE} or null
 * @param birthName NomNaissance (RECSANSVITALE and RECVITALE)
 * @param prenoms Prenom values (RECSANSVITALE)
 * @param sex Sexe
 * @param birthDate DateNaissance
 * @param birthplace LieuNaissance
 * @param vitaleNir MatriculeIndividu or MatriculeOD NumIdentifiant (RECVITALE)
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String clientCn, byte[] body,
    String action, String messageId, Map<String, String> lps, Map<String, String> bam, int securityElements,
    String operation, String birthName, List<String> prenoms, String sex, String birthDate, String birthplace,
    String vitaleNir) {

  /**
   * Copies.
   *
   * @param method see the record component
   * @param path see the record component
   * @param headers see the record component
   * @param clientCn see the record component
   * @param body see the record component
   * @param action see the record component
   * @param messageId see the record component
   * @param lps see the record component
   * @param bam see the record component
   * @param securityElements see the record component
   * @param operation see the record component
   * @param birthName see the record component
   * @param prenoms see the record component
   * @param sex see the record component
   * @param birthDate see the record component
   * @param birthplace see the record component
   * @param vitaleNir see the record component
   */
  public RecordedRequest {
    headers = Map.copyOf(headers);
    body = Objects.requireNonNull(body, "body").clone();
    lps = Map.copyOf(lps);
    bam = Map.copyOf(bam);
    prenoms = List.copyOf(prenoms);
  }

  /**
   * Returns a copy of the raw envelope.
   *
   * @return the bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedRequest r && java.util.Arrays.equals(r.body, body) && r.path.equals(path)
        && Objects.equals(r.clientCn, clientCn);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(body);
  }

  /** Without patient data. */
  @Override
  public String toString() {
    return "RecordedRequest[" + method + " " + path + ", cn=" + clientCn + ", action=" + action + ", messageId="
        + messageId + ", " + body.length + " bytes]";
  }
}
