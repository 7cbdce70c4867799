package dev.ins.insi.internal.xml;

/** The XML namespaces of the INSi contract (quoted from the public WSDL 1.5.0 and its schemas). */
public final class Ns {
  /** SOAP 1.2 envelope. */
  public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
  /** WS-Addressing 2005/08. */
  public static final String WSA = "http://www.w3.org/2005/08/addressing";
  /** WS-Security 1.0 secext. */
  public static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  /** ContexteLPS header. */
  public static final String CTXLPS = "urn:siram:lps:ctxlps";
  /** ContexteBAM header. */
  public static final String CTXBAM = "urn:siram:bam:ctxbam";
  /** Search by traits body. */
  public static final String RECSANS = "http://www.cnamts.fr/INSiRecSans";
  /** Carte Vitale search body. */
  public static final String RECVIT = "http://www.cnamts.fr/INSiRecVit";
  /** Response body. */
  public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
  /** SIRAM fault detail. */
  public static final String SIRAM = "urn:siram";

  /** wsa:Action of the search by traits. */
  public static final String ACTION_TRAITS = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
  /** wsa:Action of the Carte Vitale search. */
  public static final String ACTION_VITALE = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

  private Ns() {}
}
