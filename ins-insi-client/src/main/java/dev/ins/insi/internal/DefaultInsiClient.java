package dev.ins.insi.internal;

import dev.ins.core.vitale.CardPresence;
import dev.ins.insi.VitaleCardChangedException;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ViolationCode;
import dev.ins.insi.Attempt;
import dev.ins.insi.CompteRendu;
import dev.ins.insi.FirstNameStrategy;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiOperation;
import dev.ins.insi.InsiResponseException;
import dev.ins.insi.InsiResult;
import dev.ins.insi.InsiTransportException;
import dev.ins.insi.Verification;
import dev.ins.insi.VitaleSearch;
import dev.ins.insi.internal.xml.ContexteBamXml;
import dev.ins.insi.internal.xml.ContexteLpsXml;
import dev.ins.insi.internal.xml.RecSansXml;
import dev.ins.insi.internal.xml.RecVitXml;
import dev.ins.insi.internal.xml.SoapCodec;
import dev.ins.insi.internal.xml.SoapMessages;
import dev.ins.insi.internal.xml.XmlProblem;
import dev.ins.insi.transport.InsiInterceptor;
import dev.ins.insi.transport.TransportRequest;
import dev.ins.insi.transport.TransportResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/** The SOAP implementation of {@link InsiClient}. */
public final class DefaultInsiClient implements InsiClient {

  private static final DateTimeFormatter TEMPS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ClientConfig config;
  private final SoapCodec codec = SoapCodec.get();

  /**
   * Creates the client.
   *
   * @param config validated configuration
   */
  public DefaultInsiClient(ClientConfig config) {
    this.config = config;
  }

  /** One first-name plan: the Prenom values to send. */
  private record Plan(List<String> prenoms) {}

  /** One call and its mapped answer. */
  private record Call(Attempt attempt, ResponseMapper.Mapped mapped) {}

  @Override
  public InsiResult searchByTraits(Traits traits) {
    if (traits.sex() == Sex.UNKNOWN) {
      throw InsValidationException.of("traits.sex", ViolationCode.UNKNOWN_CODE, -1,
          "INSi can only be searched with sex M or F");
    }
    Instant start = config.clock().instant();
    long t0 = System.nanoTime();
    List<Plan> plans = new ArrayList<>();
    List<String> names = traits.firstNames().names();
    if (config.strategy() == FirstNameStrategy.SINGLE_CALL || names.size() == 1) {
      plans.add(new Plan(List.of(traits.firstNames().value())));
    } else {
      for (String n : names) {
        plans.add(new Plan(List.of(n)));
      }
      plans.add(new Plan(List.of(traits.firstNames().value())));
    }
    boolean singleCall = config.strategy() == FirstNameStrategy.SINGLE_CALL;
    List<Call> calls = new ArrayList<>();
    List<Plan> several = new ArrayList<>();
    for (Plan p : plans) {
      Call c = callTraits(traits, p, singleCall && traits.birthplace().isPresent(), calls.size() + 1);
      calls.add(c);
      if (c.mapped().cr().isFound()) {
        return result(c, calls, start, t0);
      }
      if (c.mapped().cr().isSeveral()) {
        several.add(p);
      }
    }
    if (!singleCall && traits.birthplace().isPresent()) {
      for (Plan p : several) {
        Call c = callTraits(traits, p, true, calls.size() + 1);
        calls.add(c);
        if (c.mapped().cr().isFound()) {
          return result(c, calls, start, t0);
        }
      }
    }
    Call deciding = calls.get(calls.size() - 1);
    for (Call c : calls) {
      if (c.mapped().cr().isSeveral()) {
        deciding = c;
      }
    }
    return result(deciding, calls, start, t0);
  }

  private InsiResult result(Call deciding, List<Call> calls, Instant start, long t0) {
    return result(deciding, calls, start, t0, Optional.empty());
  }

  private InsiResult result(Call deciding, List<Call> calls, Instant start, long t0, Optional<CardPresence> card) {
    List<Attempt> attempts = new ArrayList<>();
    for (Call c : calls) {
      attempts.add(c.attempt());
    }
    Duration total = Duration.ofNanos(System.nanoTime() - t0);
    CompteRendu cr = deciding.mapped().cr();
    String id = deciding.attempt().messageId();
    if (cr.isFound()) {
      return new InsiResult.Found(deciding.mapped().identity(), cr, id, start, total, attempts, config.environment(),
          card);
    }
    if (cr.isSeveral()) {
      return new InsiResult.SeveralFound(cr, id, start, total, attempts, config.environment(), card);
    }
    return new InsiResult.NotFound(cr, id, start, total, attempts, config.environment(), card);
  }

  private Call callTraits(Traits traits, Plan plan, boolean withBirthplace, int index) {
    RecSansXml body = new RecSansXml();
    body.nomNaissance = traits.birthName().value();
    body.prenom.addAll(plan.prenoms());
    body.sexe = traits.sex().code();
    body.dateNaissance = traits.birthDate().format();
    if (withBirthplace) {
      body.lieuNaissance = traits.birthplace().orElseThrow().value();
    }
    String messageId = newMessageId();
    List<Element> sec = config.security().elements(InsiOperation.SEARCH_BY_TRAITS, messageId);
    return exchange(InsiOperation.SEARCH_BY_TRAITS, messageId, body, new ContexteBamXml.Couverture(), sec, index,
        plan.prenoms(), withBirthplace);
  }

  @Override
  public InsiResult searchWithVitale(VitaleSearch vitale) {
    Instant start = config.clock().instant();
    long t0 = System.nanoTime();
    // CNDA 1.02/1.03: the beneficiary searched must be on the card in the reader now.
    CardPresence presence = vitale.selection().guard().check();
    if (presence != CardPresence.SAME_CARD) {
      throw new VitaleCardChangedException(presence == null ? CardPresence.NO_CARD : presence);
    }
    RecVitXml body = new RecVitXml();
    body.matriculeOD = recVit(vitale.insured());
    body.matriculeIndividu = vitale.beneficiary().map(DefaultInsiClient::recVit).orElse(null);
    body.nomNaissance = vitale.birthName().value();
    body.dateNaissance = vitale.birthDate();
    body.rangNaissance = vitale.rank().isPresent() ? Integer.toString(vitale.rank().getAsInt()) : null;
    ContexteBamXml.Couverture cov = new ContexteBamXml.Couverture();
    cov.assure = new ContexteBamXml.Assure();
    cov.assure.id = num(vitale.insured());
    cov.beneficiaire = new ContexteBamXml.Beneficiaire();
    cov.beneficiaire.nir = vitale.beneficiary().map(DefaultInsiClient::num).orElse(null);
    cov.beneficiaire.dateNai = vitale.birthDate();
    cov.beneficiaire.rang = body.rangNaissance;
    String messageId = newMessageId();
    List<Element> sec = new ArrayList<>(config.security().elements(InsiOperation.SEARCH_WITH_VITALE, messageId));
    sec.addAll(config.vitale().assertions(vitale));
    Call c = exchange(InsiOperation.SEARCH_WITH_VITALE, messageId, body, cov, sec, 1, List.of(), false);
    return result(c, List.of(c), start, t0, Optional.of(presence));
  }

  private static RecVitXml.Matricule recVit(Matricule m) {
    RecVitXml.Matricule x = new RecVitXml.Matricule();
    x.numIdentifiant = m.nir();
    x.cle = m.key();
    return x;
  }

  private static ContexteBamXml.Num num(Matricule m) {
    ContexteBamXml.Num n = new ContexteBamXml.Num();
    n.num = m.nir();
    n.cle = m.key();
    return n;
  }

  @Override
  public Verification verify(InsIdentifier ins, Traits traits) {
    return config.verifier().verify(ins, traits, this);
  }

  @Override
  public void close() {
    config.transport().close();
  }

  private static String newMessageId() {
    return "uuid:" + UUID.randomUUID();
  }

  private Call exchange(InsiOperation op, String messageId, Object body, ContexteBamXml.Couverture cov,
      List<Element> security, int index, List<String> prenoms, boolean birthplace) {
    Instant at = config.clock().instant();
    String temps = TEMPS.format(at);
    ContexteLpsXml lps = new ContexteLpsXml();
    lps.nature = "CTXLPS";
    lps.version = "01_00";
    lps.id = UUID.randomUUID().toString();
    lps.temps = temps;
    lps.emetteur = config.emitter();
    lps.lps = new ContexteLpsXml.Lps();
    lps.lps.idam = new ContexteLpsXml.Idam();
    lps.lps.idam.r = "4";
    lps.lps.idam.value = config.software().idam();
    lps.lps.version = config.software().version();
    lps.lps.instance = config.software().instance().toString();
    lps.lps.nom = config.software().lpsName();
    ContexteBamXml bam = new ContexteBamXml();
    bam.nature = "CTXBAM";
    bam.version = "01_02";
    bam.id = UUID.randomUUID().toString();
    bam.temps = temps;
    bam.emetteur = config.emitter();
    bam.couverture = cov;
    byte[] xml = codec.writeRequest(new SoapMessages.Request(op.action(), messageId, lps, bam, security, body));
    TransportRequest req = new TransportRequest(config.endpoint(), op.action(), messageId, xml);
    long t0 = System.nanoTime();
    TransportResponse res = sendWithRetry(req);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    ResponseMapper.Mapped mapped = interpret(res, messageId);
    Attempt attempt = new Attempt(index, op, prenoms, birthplace, mapped.cr(), messageId, at, took);
    return new Call(attempt, mapped);
  }

  private ResponseMapper.Mapped interpret(TransportResponse res, String messageId) {
    SoapMessages.Response parsed;
    try {
      parsed = codec.readResponse(res.body(), config.maxResponseBytes());
    } catch (XmlProblem p) {
      if (res.status() / 100 != 2) {
        throw new InsiTransportException(InsiTransportException.ErrorCode.HTTP_STATUS, res.status(),
            "HTTP " + res.status() + " without a SOAP fault", messageId, p);
      }
      throw new InsiResponseException(code(p.reason()), p.getMessage(), messageId, p);
    }
    if (parsed.fault() != null) {
      SoapMessages.Fault f = parsed.fault();
      String errorCode = f.detail() == null ? null : f.detail().code;
      String sev = f.detail() == null ? null : f.detail().severite;
      String text = f.detail() != null && f.detail().text != null && !f.detail().text.isBlank()
          ? f.detail().text : f.reason();
      throw new InsiFaultException(f.code(), f.subcode(), errorCode, InsiFaultException.Severity.fromSiram(sev),
          text, f.reason(), res.status(), messageId);
    }
    if (res.status() / 100 != 2) {
      throw new InsiTransportException(InsiTransportException.ErrorCode.HTTP_STATUS, res.status(),
          "HTTP " + res.status() + " with a RESULTAT body", messageId, null);
    }
    return ResponseMapper.map(parsed.result(), messageId);
  }

  private static InsiResponseException.ErrorCode code(XmlProblem.Reason r) {
    switch (r) {
      case TOO_LARGE:
        return InsiResponseException.ErrorCode.TOO_LARGE;
      case DTD_FORBIDDEN:
        return InsiResponseException.ErrorCode.DTD_FORBIDDEN;
      case NOT_SOAP:
        return InsiResponseException.ErrorCode.NOT_SOAP;
      case UNEXPECTED_CONTENT:
        return InsiResponseException.ErrorCode.UNEXPECTED_CONTENT;
      default:
        return InsiResponseException.ErrorCode.MALFORMED_XML;
    }
  }

  private TransportResponse sendWithRetry(TransportRequest req) {
    int max = config.retry().maxSends();
    Duration pause = config.retry().backoff();
    for (int send = 1; ; send++) {
      try {
        TransportResponse res = new ChainImpl(config, 0, req).proceed(req);
        if (res.status() == 503 && send < max) {
          pause = pause(pause);
          continue;
        }
        return res;
      } catch (InsiTransportException e) {
        if (!e.isRetryable() || send >= max) {
          throw e;
        }
        pause = pause(pause);
      }
    }
  }

  private static Duration pause(Duration d) {
    if (!d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InsiTransportException(InsiTransportException.ErrorCode.INTERRUPTED, -1,
            "interrupted during retry back-off", null, e);
      }
    }
    return d.multipliedBy(2);
  }

  /** The interceptor chain, ending with the transport. */
  private static final class ChainImpl implements InsiInterceptor.Chain {
    private final ClientConfig config;
    private final int index;
    private final TransportRequest request;

    ChainImpl(ClientConfig config, int index, TransportRequest request) {
      this.config = config;
      this.index = index;
      this.request = request;
    }

    @Override
    public TransportRequest request() {
      return request;
    }

    @Override
    public TransportResponse proceed(TransportRequest r) {
      List<InsiInterceptor> list = config.interceptors();
      if (index < list.size()) {
        return list.get(index).intercept(new ChainImpl(config, index + 1, r));
      }
      TransportResponse res = config.transport().send(r);
      if (res == null) {
        throw new InsiTransportException(InsiTransportException.ErrorCode.CONNECTION, -1,
            "the transport returned no response", r.messageId(), null);
      }
      return res;
    }
  }
}
