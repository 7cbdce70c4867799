package dev.ins.insi.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.ins.insi.internal.xml.ContexteBamXml;
import dev.ins.insi.internal.xml.ContexteLpsXml;
import dev.ins.insi.internal.xml.ErreurXml;
import dev.ins.insi.internal.xml.Ns;
import dev.ins.insi.internal.xml.RecSansXml;
import dev.ins.insi.internal.xml.RecVitXml;
import dev.ins.insi.internal.xml.ResultatXml;
import dev.ins.insi.internal.xml.SoapCodec;
import dev.ins.insi.internal.xml.SoapMessages;
import dev.ins.insi.internal.xml.XmlProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * An embedded stub of the INSi service for tests: real HTTPS on the loopback interface with client
 * certificate authentication, a throw-away test PKI ({@link StubPki}), answers from a registry of
 * test identities ({@link StubRegistry}) and injectable faults ({@link StubFault}).
 *
 * <p>Behaviour: POST {@code /lps} only; the client certificate must chain to the stub root (else the
 * TLS handshake fails) and have CN {@code INSI-AUTO} or {@code INSI-MANU} (else fault
 * {@code DESIR_560}); the IDAM must be accepted (else {@code siram_100}/{@code desir_550}); an empty
 * sex gives {@code insi_24}; an unreadable request gives {@code insi_000} (stub-specific). Otherwise
 * CR 00, 01 or 02 from the registry. Every request is recorded ({@link #requests()}).
 *
 * <pre>{@code
 * try (StubInsiServer stub = StubInsiServer.builder().start()) {
 *   KeyStore auto = stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO);
 *   HttpClientTransport t = HttpClientTransport.builder()
 *       .keyStore(auto, StubPki.PASSWORD.toCharArray())
 *       .trustedRoots(List.of(stub.pki().rootCertificate())).build();
 *   // ... InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())...
 * }
 * }</pre>
 */
public final class StubInsiServer implements AutoCloseable {

  private static final int MAX_REQUEST_BYTES = 1 << 20;

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each exchange on a
    // kept-alive connection waits for the peer's delayed ACK (~40 ms). Read once by the JDK server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private static final String SOAP_CT = "application/soap+xml;charset=UTF-8";

  private final HttpsServer server;
  private final ExecutorService executor;
  private final StubPki pki;
  private final StubRegistry registry;
  private final Set<String> acceptedIdams;
  private final dev.ins.insi.cps.AssertionPsVerifier cpsVerifier;
  private final ConcurrentLinkedQueue<StubFault> queue = new ConcurrentLinkedQueue<>();
  private final AtomicReference<StubFault> always = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicBoolean failHandshake =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final java.util.function.Consumer<RecordedRequest> listener;
  private final SoapCodec codec = SoapCodec.get();

  private StubInsiServer(Builder b) throws IOException {
    this.pki = b.pki != null ? b.pki : StubPki.generate();
    this.registry = b.registry != null ? b.registry : StubRegistry.publicTestIdentities();
    this.acceptedIdams = Set.copyOf(b.acceptedIdams);
    this.cpsVerifier = b.cpsVerifier;
    this.listener = b.listener;
    String[] protocols = b.protocols.toArray(new String[0]);
    this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 16);
    var ssl = pki.serverSslContext(() -> failHandshake.getAndSet(false));
    server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = ssl.getDefaultSSLParameters();
        p.setNeedClientAuth(cpsVerifier == null);
        p.setProtocols(protocols);
        params.setSSLParameters(p);
      }
    });
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "stub-insi");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/lps", this::handle);
    server.start();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the service URL, {@code https://127.0.0.1:<port>/lps}.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return URI.create("https://127.0.0.1:" + port() + "/lps");
  }

  /**
   * Returns the bound port.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the test PKI (client key stores, trust store).
   *
   * @return the PKI
   */
  public StubPki pki() {
    return pki;
  }

  /**
   * Returns the registry; identities can be added while running.
   *
   * @return the registry
   */
  public StubRegistry registry() {
    return registry;
  }

  /**
   * Injects a behaviour for the next request (queued, one per request).
   *
   * @param fault the behaviour
   */
  public void enqueue(StubFault fault) {
    queue.add(Objects.requireNonNull(fault, "fault"));
  }

  /**
   * Applies a behaviour to every request until {@link #clearFaults()}.
   *
   * @param fault the behaviour
   */
  public void always(StubFault fault) {
    always.set(Objects.requireNonNull(fault, "fault"));
  }

  /**
   * Makes the next TLS handshake fail on the client side: the server presents a certificate issued
   * by a root the client does not trust. Connections already open are not affected, so use a
   * client without a kept-alive connection to this stub.
   */
  public void failNextHandshake() {
    failHandshake.set(true);
  }

  /** Forgets queued and permanent behaviours, and a pending handshake failure. */
  public void clearFaults() {
    queue.clear();
    always.set(null);
    failHandshake.set(false);
  }

  /**
   * Returns the requests received so far, in order.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------ handling

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "text/plain", "POST only".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      if (body.length > MAX_REQUEST_BYTES) {
        send(ex, 413, "text/plain", "request too large".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      String cn = clientCn(ex);
      SoapMessages.Request req = null;
      try {
        req = codec.readRequest(body, MAX_REQUEST_BYTES);
      } catch (XmlProblem p) {
        // recorded below with empty fields; answered with a fault
      }
      RecordedRequest recorded = record(ex, cn, body, req);
      requests.add(recorded);
      if (listener != null) {
        listener.accept(recorded);
      }
      StubFault f = queue.poll();
      if (f == null) {
        f = always.get();
      }
      byte[] normal = null;
      if (f != null) {
        switch (f.kind()) {
          case LATENCY -> sleep(f);
          case HTTP_STATUS -> {
            send(ex, f.status(), "text/plain", ("HTTP " + f.status()).getBytes(StandardCharsets.US_ASCII));
            return;
          }
          case SOAP_FAULT -> {
            Answer a = faultAnswer(f.subcode(), f.errorCode(), f.severity(), f.text(),
                f.reason() == null ? StubFault.GENERIC_REASON : f.reason(), req == null ? null : req.messageId());
            send(ex, a.status(), SOAP_CT, a.body());
            return;
          }
          case MALFORMED_XML -> {
            send(ex, 200, SOAP_CT, ("<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"" + Ns.SOAP
                + "\"><soap:Body><RESULTAT <<< not xml").getBytes(StandardCharsets.UTF_8));
            return;
          }
          case OVERSIZED_BODY -> {
            oversized(ex, f.status());
            return;
          }
          case CONNECTION_RESET -> {
            // Close without a status line: the client sees the connection end.
            throw new IOException("stub: connection reset on purpose");
          }
          case CANNED -> {
            send(ex, f.status(), SOAP_CT, f.body());
            return;
          }
          case TRUNCATED_BODY -> normal = new byte[0];
          default -> throw new IllegalStateException();
        }
      }
      boolean truncate = normal != null;
      Answer a = cpsVerifier == null ? answer(req, cn) : cpsAnswer(body, req);
      byte[] out = a.body();
      if (truncate) {
        byte[] half = new byte[out.length / 2];
        System.arraycopy(out, 0, half, 0, half.length);
        out = half;
      }
      send(ex, a.status(), SOAP_CT, out);
    }
  }

  private record Answer(int status, byte[] body) {}

  /** CPS mode: the assertion PS in wsse:Security authenticates the caller instead of a client certificate. */
  private Answer cpsAnswer(byte[] body, SoapMessages.Request req) {
    String mid = req == null ? null : req.messageId();
    org.w3c.dom.Element assertion = null;
    try {
      org.w3c.dom.Document d = dev.ins.insi.internal.xml.SecureXml.parse(body, MAX_REQUEST_BYTES);
      org.w3c.dom.NodeList sec = d.getElementsByTagNameNS(Ns.WSSE, "Security");
      if (sec.getLength() == 1) {
        org.w3c.dom.NodeList a = ((org.w3c.dom.Element) sec.item(0))
            .getElementsByTagNameNS(dev.ins.insi.internal.xml.AssertionXml.SAML, "Assertion");
        assertion = a.getLength() == 1 ? (org.w3c.dom.Element) a.item(0) : null;
      }
    } catch (IllegalArgumentException e) {
      return faultAnswer(null, "insi_000", "erreur", UNREADABLE, StubFault.GENERIC_REASON, mid);
    }
    if (assertion == null) {
      return faultAnswer(null, CPS_FAULT_PREFIX + "missing", "erreur",
          "Assertion PS absente de wsse:Security (mode CPS)", CPS_REASON, mid);
    }
    try {
      cpsVerifier.verify(assertion);
    } catch (dev.ins.insi.cps.AssertionPsException e) {
      return faultAnswer(null, CPS_FAULT_PREFIX + e.problem().name().toLowerCase(java.util.Locale.ROOT), "erreur",
          "Assertion PS refusée : " + e.getMessage(), CPS_REASON, mid);
    }
    return answer(req, "INSI-AUTO");
  }

  /**
   * Prefix of the error codes the stub gives to a refused assertion PS in CPS mode, followed by the
   * lower-case {@link dev.ins.insi.cps.AssertionPsException.Problem} ({@code stub_assertion_tampered},
   * {@code stub_assertion_expired}, ...; {@code stub_assertion_missing} when there is none). The real
   * INSi codes for these cases are not public: these are the stub's own.
   */
  public static final String CPS_FAULT_PREFIX = "stub_assertion_";

  /**
   * Prefix of the error codes the stub gives to a request whose contexts or Carte Vitale coverage
   * INSi would refuse, followed by the problem: {@code stub_context_lps}, {@code stub_context_bam},
   * {@code stub_context_coverage} (a ContexteLPS, ContexteBAM or COUVERTURE missing or of the wrong
   * nature or version), {@code stub_vitale_insured} (no ASSURE, or not the body's MatriculeOD),
   * {@code stub_vitale_beneficiary} (no BENEFICIAIRE, or its NIR, birth date or rank differ from the
   * body's), {@code stub_vitale_key} (a NIR whose key is wrong). The real INSi codes for these cases
   * are not public: these are the stub's own.
   */
  public static final String CHECK_FAULT_PREFIX = "stub_";

  private static final String UNREADABLE = "Requête illisible (stub)";
  private static final String CPS_REASON = "L'authentification par carte CPS a échoué.";
  private static final String VITALE_REASON = "Les données de la carte Vitale transmises sont incohérentes.";
  private static final String CONTEXT_REASON = "Le contexte de la demande est incomplet.";

  private Answer answer(SoapMessages.Request req, String cn) {
    String mid = req == null ? null : req.messageId();
    if (!"INSI-AUTO".equals(cn) && !"INSI-MANU".equals(cn)) {
      return faultAnswer(null, "DESIR_560", "erreur", "Niveau d'accès insuffisant.",
          "Vous ne disposez pas des droits suffisants pour accéder à ce service.", mid);
    }
    if (req == null) {
      return faultAnswer(null, "insi_000", "erreur", UNREADABLE, StubFault.GENERIC_REASON, null);
    }
    String idam = req.lps() == null || req.lps().lps == null || req.lps().lps.idam == null
        ? null : req.lps().lps.idam.value;
    if (idam == null || idam.isBlank() || (!acceptedIdams.isEmpty() && !acceptedIdams.contains(idam))) {
      return faultAnswer("siram_100", "desir_550", "erreur", "Numéro d'autorisation du logiciel inconnu.",
          "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du progiciel ou votre"
              + " responsable informatique.", mid);
    }
    String context = contextProblem(req);
    if (context != null) {
      return faultAnswer(null, CHECK_FAULT_PREFIX + "context_" + context, "erreur",
          "Contexte " + context + " absent ou mal formé (stub)", CONTEXT_REASON, mid);
    }
    if (req.body() instanceof RecSansXml) {
      if (!Ns.ACTION_TRAITS.equals(req.action())) {
        return faultAnswer(null, "insi_000", "erreur", "wsa:Action ne correspond pas au corps (stub)",
            StubFault.GENERIC_REASON, mid);
      }
      RecSansXml b = (RecSansXml) req.body();
      if (b.sexe == null || b.sexe.isBlank()) {
        return faultAnswer(null, "insi_24", "erreur", "Format du champ sexe incorrect",
            "Les traits d'identité transmis sont incomplets ou mal formés.", mid);
      }
      return result(registry.find(b.nomNaissance, b.prenom, b.sexe, b.dateNaissance, b.lieuNaissance));
    }
    if (!Ns.ACTION_VITALE.equals(req.action())) {
      return faultAnswer(null, "insi_000", "erreur", "wsa:Action ne correspond pas au corps (stub)",
          StubFault.GENERIC_REASON, mid);
    }
    RecVitXml v = (RecVitXml) req.body();
    String coverage = coverageProblem(v, req.bam().couverture);
    if (coverage != null) {
      return faultAnswer(null, CHECK_FAULT_PREFIX + "vitale_" + coverage, "erreur",
          "Couverture incohérente avec la recherche carte Vitale : " + coverage + " (stub)", VITALE_REASON, mid);
    }
    RecVitXml.Matricule m = v.matriculeIndividu != null ? v.matriculeIndividu : v.matriculeOD;
    return result(m == null || m.numIdentifiant == null ? List.of() : registry.findByNir(m.numIdentifiant));
  }

  /** What INSi requires of the contexts of any request; null when they are right. */
  private static String contextProblem(SoapMessages.Request req) {
    ContexteLpsXml l = req.lps();
    if (l == null || !"CTXLPS".equals(l.nature) || !"01_00".equals(l.version) || l.lps == null) {
      return "lps";
    }
    ContexteBamXml b = req.bam();
    if (b == null || !"CTXBAM".equals(b.nature) || !"01_02".equals(b.version)) {
      return "bam";
    }
    return b.couverture == null ? "coverage" : null;
  }

  /**
   * What INSi requires of a Carte Vitale search: the coverage names the insured person and the
   * beneficiary of the body, with the same NIRs (keys valid), birth date and rank. Null when right.
   */
  private static String coverageProblem(RecVitXml v, ContexteBamXml.Couverture c) {
    if (v.matriculeOD == null || c.assure == null || c.assure.id == null
        || !Objects.equals(c.assure.id.num, v.matriculeOD.numIdentifiant)
        || !Objects.equals(c.assure.id.cle, v.matriculeOD.cle)) {
      return "insured";
    }
    ContexteBamXml.Beneficiaire b = c.beneficiaire;
    RecVitXml.Matricule own = v.matriculeIndividu;
    if (b == null || !Objects.equals(b.dateNai, v.dateNaissance) || !Objects.equals(b.rang, v.rangNaissance)
        || (own == null) != (b.nir == null)
        || (own != null && (!Objects.equals(own.numIdentifiant, b.nir.num) || !Objects.equals(own.cle, b.nir.cle)))) {
      return "beneficiary";
    }
    for (RecVitXml.Matricule m : new RecVitXml.Matricule[] {v.matriculeOD, own}) {
      if (m != null && !keyValid(m.numIdentifiant, m.cle)) {
        return "key";
      }
    }
    return null;
  }

  private static boolean keyValid(String nir, String key) {
    try {
      return nir != null && key != null && dev.ins.core.Matricule.parse(nir + key) != null;
    } catch (dev.ins.core.InsValidationException e) {
      return false;
    }
  }

  private Answer result(List<StubIdentity> found) {
    ResultatXml r = new ResultatXml();
    r.cr = new ResultatXml.Cr();
    if (found.isEmpty()) {
      r.cr.codeCR = "01";
      r.cr.libelleCR = "Aucune identite trouvee";
    } else if (found.size() > 1) {
      r.cr.codeCR = "02";
      r.cr.libelleCR = "Plusieurs identites trouvees";
    } else {
      StubIdentity i = found.get(0);
      r.cr.codeCR = "00";
      r.cr.libelleCR = "OK";
      r.individu = new ResultatXml.Individu();
      r.individu.insActif = ins(i.nir(), i.key(), i.oid(), null, null);
      for (StubIdentity.History h : i.history()) {
        r.individu.insHisto.add(ins(h.nir(), h.key(), h.oid(), h.dateDeb(), h.dateFin()));
      }
      ResultatXml.Tiq t = new ResultatXml.Tiq();
      // As the live service: no Prenom in TIQ, the list only.
      t.nomNaissance = i.birthName();
      t.listePrenom = i.firstNames();
      t.sexe = i.sex();
      t.dateNaissance = i.birthDate();
      t.lieuNaissance = i.birthplace();
      r.individu.tiq = t;
    }
    return new Answer(200, codec.writeResult(r));
  }

  private static ResultatXml.Ins ins(String nir, String key, String oid, String deb, String fin) {
    ResultatXml.Ins x = new ResultatXml.Ins();
    x.idIndividu = new ResultatXml.Matricule();
    x.idIndividu.numIdentifiant = nir;
    x.idIndividu.cle = key;
    x.oid = oid;
    x.dateDeb = deb;
    x.dateFin = fin;
    return x;
  }

  /**
   * A fault as the service writes one: the user-facing {@code reason} in {@code soap:Reason}, the
   * technical {@code text} in the prefixed {@code siram:Erreur} detail.
   */
  private Answer faultAnswer(String subcode, String code, String severity, String text, String reason,
      String messageId) {
    ErreurXml e = new ErreurXml();
    e.code = code;
    e.severite = severity;
    e.messageId = messageId;
    e.text = text;
    return new Answer(500, codec.writeFault(new SoapMessages.Fault("Sender", subcode, reason, e)));
  }

  private static void oversized(HttpExchange ex, int size) throws IOException {
    ex.getResponseHeaders().set("Content-Type", SOAP_CT);
    ex.sendResponseHeaders(200, 0);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + Ns.SOAP
          + "\"><soap:Body><!--").getBytes(StandardCharsets.UTF_8));
      byte[] pad = new byte[8192];
      java.util.Arrays.fill(pad, (byte) 'x');
      for (int written = 0; written < size; written += pad.length) {
        os.write(pad);
      }
      os.write("--></soap:Body></soap:Envelope>".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the client stopped reading past its bound: expected
    }
  }

  private static void sleep(StubFault f) {
    try {
      Thread.sleep(f.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    } catch (IOException e) {
      // client went away
    }
  }

  private static String clientCn(HttpExchange ex) {
    if (!(ex instanceof HttpsExchange)) {
      return "";
    }
    try {
      Certificate[] chain = ((HttpsExchange) ex).getSSLSession().getPeerCertificates();
      X509Certificate leaf = (X509Certificate) chain[0];
      RDN[] cns = new X500Name(leaf.getSubjectX500Principal().getName()).getRDNs(BCStyle.CN);
      return cns.length == 0 ? "" : IETFUtils.valueToString(cns[0].getFirst().getValue());
    } catch (SSLPeerUnverifiedException e) {
      return "";
    }
  }

  private static RecordedRequest record(HttpExchange ex, String cn, byte[] body, SoapMessages.Request req) {
    Map<String, String> headers = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
        v.isEmpty() ? "" : v.get(0)));
    Map<String, String> lps = new LinkedHashMap<>();
    Map<String, String> bam = new LinkedHashMap<>();
    String op = null;
    String name = null;
    List<String> prenoms = new ArrayList<>();
    String sex = null;
    String date = null;
    String place = null;
    String vitaleNir = null;
    int sec = 0;
    String action = null;
    String mid = null;
    if (req != null) {
      action = req.action();
      mid = req.messageId();
      sec = req.security().size();
      ContexteLpsXml l = req.lps();
      if (l != null) {
        put(lps, "Nature", l.nature);
        put(lps, "Version", l.version);
        put(lps, "Id", l.id);
        put(lps, "Temps", l.temps);
        put(lps, "Emetteur", l.emetteur);
        if (l.lps != null) {
          if (l.lps.idam != null) {
            put(lps, "IDAM", l.lps.idam.value);
            put(lps, "IDAM@R", l.lps.idam.r);
          }
          put(lps, "LPS.Version", l.lps.version);
          put(lps, "Instance", l.lps.instance);
          put(lps, "Nom", l.lps.nom);
        }
      }
      ContexteBamXml b = req.bam();
      if (b != null) {
        put(bam, "Nature", b.nature);
        put(bam, "Version", b.version);
        put(bam, "Id", b.id);
        put(bam, "Temps", b.temps);
        put(bam, "Emetteur", b.emetteur);
        boolean filled = b.couverture != null && (b.couverture.assure != null || b.couverture.beneficiaire != null);
        put(bam, "COUVERTURE", b.couverture == null ? null : filled ? "filled" : "empty");
      }
      if (req.body() instanceof RecSansXml) {
        RecSansXml s = (RecSansXml) req.body();
        op = "RECSANSVITALE";
        name = s.nomNaissance;
        prenoms.addAll(s.prenom);
        sex = s.sexe;
        date = s.dateNaissance;
        place = s.lieuNaissance;
      } else if (req.body() instanceof RecVitXml) {
        RecVitXml v = (RecVitXml) req.body();
        op = "RECVITALE";
        name = v.nomNaissance;
        date = v.dateNaissance;
        RecVitXml.Matricule m = v.matriculeIndividu != null ? v.matriculeIndividu : v.matriculeOD;
        vitaleNir = m == null ? null : m.numIdentifiant;
      }
    }
    prenoms.removeIf(Objects::isNull);
    return new RecordedRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, cn, body, action, mid,
        lps, bam, sec, op, name, prenoms, sex, date, place, vitaleNir);
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /**
   * Configures a stub server.
   *
   * <pre>{@code
   * StubInsiServer stub = StubInsiServer.builder().port(0).registry(StubRegistry.publicTestIdentities()).start();
   * }</pre>
   */
  public static final class Builder {
    private int port;
    private StubPki pki;
    private StubRegistry registry;
    private Set<String> acceptedIdams = Set.of();
    private List<String> protocols = List.of("TLSv1.2");
    private dev.ins.insi.cps.AssertionPsVerifier cpsVerifier;
    private java.util.function.Consumer<RecordedRequest> listener;

    private Builder() {}

    /**
     * Calls {@code listener} with every request as it is received, before it is answered (the
     * {@code stub} command writes them to files this way). It runs on the server's threads.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onRequest(java.util.function.Consumer<RecordedRequest> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the port (default 0: any free port).
     *
     * @param port 0–65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Uses this PKI instead of generating one.
     *
     * @param pki the PKI
     * @return this builder
     */
    public Builder pki(StubPki pki) {
      this.pki = Objects.requireNonNull(pki, "pki");
      return this;
    }

    /**
     * Uses this registry (default: {@link StubRegistry#publicTestIdentities()}).
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(StubRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Runs the stub in CPS mode: server-only TLS (no client certificate), and every request must
     * carry in {@code wsse:Security} an assertion PS that {@code verifier} accepts; a refused one is
     * answered with the fault {@code stub_assertion_<problem>} (see {@link #CPS_FAULT_PREFIX}).
     *
     * @param verifier the verifier, trusting the test PKI of the CPS certificates
     * @return this builder
     */
    public Builder cpsMode(dev.ins.insi.cps.AssertionPsVerifier verifier) {
      this.cpsVerifier = java.util.Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Restricts the accepted authorisation numbers (default: any non-blank IDAM).
     *
     * @param idams the accepted IDAMs
     * @return this builder
     */
    public Builder acceptedIdams(Set<String> idams) {
      this.acceptedIdams = Set.copyOf(idams);
      return this;
    }

    /**
     * Sets the TLS protocols (default TLS 1.2 only: a rejected client certificate then fails the
     * handshake on the client side too; under TLS 1.3 the client only sees the connection close).
     *
     * @param protocols e.g. {@code "TLSv1.2", "TLSv1.3"}
     * @return this builder
     */
    public Builder tlsProtocols(String... protocols) {
      if (protocols.length == 0) {
        throw new IllegalArgumentException("at least one TLS protocol is required");
      }
      this.protocols = List.of(protocols);
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running server
     * @throws java.io.UncheckedIOException when the port cannot be bound (its cause says why, e.g. a
     *     {@link java.net.BindException} when the port is in use)
     */
    public StubInsiServer start() {
      try {
        return new StubInsiServer(this);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot start the stub INSi server on 127.0.0.1:" + port + ": "
            + (e instanceof java.net.BindException ? "the port is already in use" : e.getClass().getSimpleName()), e);
      }
    }
  }
}
