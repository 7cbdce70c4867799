package dev.ins.demo;

import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.virtual.InMemoryCardReaders;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.cardreader.virtual.VpcdCard;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.cardreader.vitale.VitaleCard;
import dev.ins.cardreader.vitale.VitaleReader;
import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.ConsistencyWarning;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsSdk;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import dev.ins.core.RetrievalReview;
import dev.ins.core.NirConsistency;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.datamatrix.DataMatrixIns;
import dev.ins.core.fhir.FrCorePatientIns;
import dev.ins.core.matching.StrictVerdict;
import dev.ins.insi.Attempt;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiResult;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.Pseudonym;
import dev.ins.security.Pseudonymizer;
import dev.ins.security.RecordAead;
import dev.ins.security.RecordContext;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.audit.AuditReport;
import dev.ins.security.audit.AuditVerifier;
import dev.ins.security.audit.Checkpoint;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupManifest;
import dev.ins.security.backup.BackupRecipient;
import dev.ins.security.backup.RestoreDrill;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The end-to-end quickstart: reads a (simulated) Carte Vitale, normalises and validates the traits,
 * calls INSi (the embedded stub over real mutual TLS) with the RNIV first-name strategy, compares the
 * answer with the local identity, qualifies it, stores it encrypted with a pseudonymised index,
 * audits the access, backs it up and runs the restore drill, then prints the DataMatrix INS payload
 * and the FHIR Patient. Every step prints one line.
 *
 * <pre>
 * java -jar ins-demo/target/ins-demo-0.1.0.jar                  # embedded defaults
 * java -jar ins-demo/target/ins-demo-0.1.0.jar --pcsc           # the card goes through a real pcscd (vpcd)
 * java -jar ins-demo/target/ins-demo-0.1.0.jar --endpoint URL --pkcs12 FILE --roots PEM --idam ID
 * </pre>
 *
 * <p>Exit codes: 0 every step passed, 1 a step failed, 2 usage or missing credentials.
 */
public final class Demo {

  /** The public CNDA test identity the demo walks through (see ins-domain.md §6.3). */
  static final VitaleBeneficiary BENEFICIARY = VitaleBeneficiary.of(BirthName.of("ECETINSI"),
      FirstNames.of("PIERRE-ALAIN"), BirthDate.of(2009, 7, 14), Matricule.parse("109076322083489"));

  /** The operator the demo simulates when the strict verdict asks for a review. */
  static final String OPERATOR = "demo-operator";

  private final PrintStream out;
  private final Options options;
  private int step;
  private static final int STEPS = 11;

  private Demo(PrintStream out, Options options) {
    this.out = out;
    this.options = options;
  }

  /**
   * Entry point.
   *
   * @param args see the class documentation
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the demo.
   *
   * @param args the options
   * @param out where the step lines go
   * @param err where usage errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(List.of(args), System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("ins-demo: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    try {
      return new Demo(out, options).run();
    } catch (RuntimeException | IOException e) {
      out.println("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  private void line(String what, String detail) {
    step++;
    out.printf("[%2d/%d] %-34s %s%n", step, STEPS, what, detail);
  }

  private int run() throws IOException {
    out.println("ins-sdk " + InsSdk.version() + " end-to-end demo (synthetic CNDA test identity; no real patient data)");
    Path work = Files.createTempDirectory("ins-demo-");
    try {
      return walk(work);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private int walk(Path work) throws IOException {
    // 1. Card
    VitaleCard card = readCard();
    VitaleBeneficiary b = card.beneficiaries().get(0);
    line("read the Carte Vitale", card.beneficiaries().size() + " beneficiary, " + (options.pcsc ? "through pcscd (vpcd virtual card)" : "in-memory simulator")
        + ": " + b.birthName().value() + " " + b.firstName().value() + ", born " + b.birthDate().format()
        + ", NIR " + Masking.matricule(b.nir()) + " (key " + b.nirCheck() + ")");

    // 2. Traits
    Matricule nir = b.matricule().orElseThrow(() -> new IllegalStateException("the card's NIR key is wrong"));
    Sex sex = nir.sexDigit() == 1 ? Sex.MALE : Sex.FEMALE; // the operator confirms the sex; the demo reads the NIR
    Traits local = Traits.fromTyped(b.birthName().value(), b.firstName().value(), b.birthDate(), sex, null);
    List<ConsistencyWarning> warnings = NirConsistency.check(nir, local);
    line("normalise and validate the traits", "INS form OK: " + local.birthName().value() + " / " + local.firstNames().value()
        + " / " + local.birthDate().format() + " / " + sex.code() + " / birthplace unknown locally; " + warnings.size()
        + " NIR consistency warning(s)");

    // 3. INSi
    Identity identity = Identity.builder().traits(local).build();
    InsiResult result;
    String where;
    try (Insi insi = options.endpoint == null ? Insi.stub() : Insi.remote(options)) {
      where = insi.description;
      result = insi.client.searchByTraits(local);
    }
    List<String> tried = new ArrayList<>();
    for (Attempt a : result.attempts()) {
      tried.add(String.join(" ", a.firstNamesSent()) + (a.birthplaceSent() ? " + birthplace" : "") + " -> CR " + a.cr().code());
    }
    line("search INSi by traits", where + ": CR " + result.cr().code() + " (" + result.cr().label() + ") after "
        + result.attempts().size() + " attempt(s) " + tried);
    if (!(result instanceof InsiResult.Found)) {
      out.println("FAILED: INSi did not return exactly one identity");
      return 1;
    }
    InsiResult.Found found = (InsiResult.Found) result;
    RetrievalReview review = found.identity().review(identity, found.startedAt())
        .orElseThrow(() -> new IllegalStateException("INSi data invalid: " + found.identity().traits().violations()));

    // 4. Strict comparison
    StrictVerdict verdict = review.verdict();
    String checks = verdict.checks().stream().map(c -> c.trait() + "=" + c.reason()).collect(Collectors.joining(", "));
    line("compare INSi with the local identity", verdict.verdict() + " [" + checks + "]");

    // 5. Status: the verdict gates RECUP
    IdentityEvent.InsiRetrieved retrieved;
    String how;
    switch (verdict.verdict()) {
      case COHERENT -> {
        retrieved = review.confirm();
        how = "COHERENT, confirmed";
      }
      case NEEDS_REVIEW -> {
        String accepted = review.differences().stream().map(c -> c.trait() + "=" + c.reason())
            .collect(Collectors.joining(", "));
        out.println("        SIMULATED OPERATOR \"" + OPERATOR + "\" reviews and accepts: " + accepted);
        retrieved = review.acceptDifferences(OPERATOR, Clock.systemUTC().instant());
        how = "operator decision by " + OPERATOR + ", simulated";
      }
      default -> {
        out.println("FAILED: INCOHERENT answer: it cannot be confirmed, the identity stays " + identity.status());
        return 1;
      }
    }
    Identity recup = identity.apply(retrieved);
    Identity qual = recup.apply(new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD,
        LocalDate.now(ZoneId.of("Europe/Paris"))));
    line("apply the RNIV status transitions", identity.status() + " -> " + recup.status() + " (INSi, " + how + ") -> "
        + qual.status() + " (identity card checked); INS " + qual.requireInsForExchange() + " now exchangeable");

    // 6. Encrypted storage + pseudonymised index
    InsIdentifier ins = qual.requireInsForExchange();
    Keyset recordKeys = Keyset.generate(KeyType.AES_256_GCM);
    RecordAead aead = recordKeys.recordAead();
    String rowId = "patient-" + UUID.randomUUID();
    byte[] record = FrCorePatientIns.toJson(qual).getBytes(StandardCharsets.UTF_8);
    byte[] stored = aead.encrypt(record, RecordContext.of("patient", "identity", rowId));
    boolean roundTrip = Arrays.equals(record, aead.decrypt(stored, RecordContext.of("patient", "identity", rowId)));
    boolean movedRefused;
    try {
      aead.decrypt(stored, RecordContext.of("patient", "identity", "another-row"));
      movedRefused = false;
    } catch (RuntimeException expected) {
      movedRefused = true;
    }
    Pseudonym blind = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, Keyset.generate(KeyType.HMAC_SHA256)).blindIndex(ins.matricule());
    Path store = work.resolve("identities.bin");
    Files.write(store, stored);
    line("store encrypted, index pseudonymised", stored.length + "-byte AES-256-GCM record (decrypts: " + roundTrip
        + ", moved to another row: " + (movedRefused ? "refused" : "ACCEPTED") + "); index " + blind.format().substring(0, 28) + "…");

    // 7. Audit
    Ed25519SigningKey auditKey = Ed25519SigningKey.generate();
    Path auditFile = work.resolve("audit.jsonl");
    Checkpoint checkpoint;
    try (AuditLog log = AuditLog.open(auditFile)) {
      log.append(AuditEntry.of(Clock.systemUTC().instant(), "demo-operator", "insi.search", blind.format(), "found"));
      log.append(AuditEntry.of(Clock.systemUTC().instant(), "demo-operator", "identity.qualify", blind.format(), "qual"));
      checkpoint = log.checkpoint("demo.ins-sdk.local/audit", "demo", auditKey);
    }
    AuditReport report = AuditVerifier.verify(auditFile, List.of(checkpoint), "demo", auditKey.publicKey());
    line("append to the audit log and verify", report.entries() + " entries, signed checkpoint, intact: " + report.intact());

    // 8. Backup + restore drill
    Keyset practice = Keyset.generate(KeyType.X25519);
    Keyset recovery = Keyset.generate(KeyType.X25519);
    Ed25519SigningKey backupKey = Ed25519SigningKey.generate();
    Path backupFile = work.resolve("identities.insbak");
    BackupManifest manifest;
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(store)); OutputStream o = Files.newOutputStream(backupFile)) {
      manifest = Backup.writer().recipient(BackupRecipient.fromKeyset("practice", practice))
          .recipient(BackupRecipient.fromKeyset("recovery", recovery)).signer(backupKey)
          .label("demo identities").metadata("rows.patient", "1").build().write(in, o);
    }
    RestoreDrill.DrillResult drill;
    try (AuditLog log = AuditLog.open(auditFile)) {
      drill = RestoreDrill.builder(backupFile, backupKey.publicKey(), "practice", practice)
          .scratchDirectory(work).check(restored -> sameBytes(restored, store)).auditLog(log, "backup-job").build().run();
    }
    line("export an encrypted backup, restore drill", Files.size(backupFile) + "-byte backup " + manifest.backupId()
        + " for 2 recipients; drill " + (drill.success() ? "restored and matched" : "FAILED " + drill.findings()));

    // 9. DataMatrix
    String payload = DataMatrixIns.encode(qual);
    line("DataMatrix INS payload", payload.replace(String.valueOf(DataMatrixIns.GS), "<GS>"));

    // 10. FHIR
    // JSON strings cannot hold raw line breaks, so dropping the indentation keeps the document intact.
    line("FHIR FR Core Patient (JSON)", FrCorePatientIns.toJson(qual).replaceAll("\\n\\s*", ""));

    // 11. Privacy
    line("what a log line would show", qual.toString());

    boolean ok = roundTrip && movedRefused && report.intact() && drill.success();
    out.println(ok ? "demo complete: every step passed" : "demo FAILED: see the lines above");
    return ok ? 0 : 1;
  }

  private static boolean sameBytes(Path a, Path b) {
    try {
      return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    } catch (IOException e) {
      return false;
    }
  }

  private VitaleCard readCard() {
    VitaleCardSimulator simulator = VitaleCardSimulator.of(List.of(BENEFICIARY));
    VitaleReader reader = new VitaleReader();
    if (!options.pcsc) {
      try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders("Demo reader")) {
        readers.insert("Demo reader", simulator);
        return reader.read(readers, "Demo reader");
      }
    }
    try (VpcdCard inserted = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, simulator);
        CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
      String name = readers.waitForCard(Duration.ofSeconds(10)).filter(n -> inserted != null)
          .orElseThrow(() -> new IllegalStateException("no card seen by pcscd: is pcscd running with vsmartcard-vpcd? "
              + "(bash .ci/setup.d/50-pcscd.sh installs and starts both)"));
      return reader.read(readers, name);
    }
  }

  /** The INSi client for this run and what it needs closed afterwards. */
  private static final class Insi implements AutoCloseable {
    final InsiClient client;
    final String description;
    private final StubInsiServer stub;

    private Insi(InsiClient client, String description, StubInsiServer stub) {
      this.client = client;
      this.description = description;
      this.stub = stub;
    }

    static Insi stub() {
      StubInsiServer stub = StubInsiServer.builder().start();
      HttpClientTransport t = HttpClientTransport.builder()
          .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
          .trustedRoots(List.of(stub.pki().rootCertificate())).build();
      InsiClient c = InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())
          .software(new LpsSoftware("DEMO-IDAM", "ins-sdk-demo", InsSdk.version(), UUID.randomUUID()))
          .emitter("10B0000000").transport(t).build();
      return new Insi(c, "stub INSi over mutual TLS at " + stub.endpoint(), stub);
    }

    static Insi remote(Options o) {
      HttpClientTransport.Builder t = HttpClientTransport.builder().trustedRoots(o.roots);
      if (o.pkcs12 != null) {
        t.pkcs12(o.pkcs12, o.secret);
      } else {
        t.keyStore(o.pkcs11KeyStore(), null);
      }
      InsiClient c = InsiClient.builder().environment(InsiEnvironment.TEST).endpoint(o.endpoint)
          .software(new LpsSoftware(o.idam, "ins-sdk-demo", InsSdk.version(), UUID.randomUUID()))
          .emitter(o.emitter).transport(t.build()).build();
      return new Insi(c, "INSi test endpoint " + o.endpoint, null);
    }

    @Override
    public void close() {
      client.close();
      if (stub != null) {
        stub.close();
      }
    }
  }

  /** Command-line options; credentials come from the environment, never from the command line. */
  static final class Options {
    static final String USAGE = "usage: ins-demo [--pcsc] [--endpoint URL (--pkcs12 FILE | --pkcs11 CONFIG) --roots PEM "
        + "--idam ID [--emitter STRUCTURE_ID]]\n  secrets: INS_PKCS12_PASSWORD or INS_PKCS11_PIN in the environment";

    boolean pcsc;
    URI endpoint;
    Path pkcs12;
    Path pkcs11;
    List<X509Certificate> roots = new ArrayList<>();
    String idam;
    String emitter = "10B0000000";
    char[] secret;

    static Options parse(List<String> args, Map<String, String> env) {
      Options o = new Options();
      Path rootsFile = null;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--pcsc")) {
          o.pcsc = true;
          continue;
        }
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args.get(++i);
        switch (a) {
          case "--endpoint" -> o.endpoint = URI.create(v);
          case "--pkcs12" -> o.pkcs12 = Path.of(v);
          case "--pkcs11" -> o.pkcs11 = Path.of(v);
          case "--roots" -> rootsFile = Path.of(v);
          case "--idam" -> o.idam = v;
          case "--emitter" -> o.emitter = v;
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.endpoint == null) {
        if (o.pkcs12 != null || o.pkcs11 != null || rootsFile != null || o.idam != null) {
          throw new IllegalArgumentException("--pkcs12, --pkcs11, --roots and --idam only make sense with --endpoint");
        }
        return o;
      }
      if (!"https".equals(o.endpoint.getScheme())) {
        throw new IllegalArgumentException("--endpoint must be an https URL");
      }
      if ((o.pkcs12 == null) == (o.pkcs11 == null)) {
        throw new IllegalArgumentException("--endpoint needs your INSi credential: exactly one of --pkcs12 FILE or --pkcs11 CONFIG");
      }
      if (rootsFile == null) {
        throw new IllegalArgumentException("--endpoint needs --roots PEM (the IGC-Santé roots you trust); TLS is never 'trust all'");
      }
      if (o.idam == null) {
        throw new IllegalArgumentException("--endpoint needs --idam ID (your software's CNDA authorisation number)");
      }
      String secretVar = o.pkcs12 != null ? "INS_PKCS12_PASSWORD" : "INS_PKCS11_PIN";
      String secret = env.get(secretVar);
      if (secret == null) {
        throw new IllegalArgumentException("set " + secretVar + " in the environment (never on the command line)");
      }
      o.secret = secret.toCharArray();
      Path credential = o.pkcs12 != null ? o.pkcs12 : o.pkcs11;
      if (!Files.isReadable(credential) || !Files.isReadable(rootsFile)) {
        throw new IllegalArgumentException("cannot read " + (!Files.isReadable(credential) ? credential : rootsFile));
      }
      try (InputStream in = Files.newInputStream(rootsFile)) {
        for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          o.roots.add((X509Certificate) c);
        }
      } catch (IOException | java.security.GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot read the roots in " + rootsFile + ": " + e.getClass().getSimpleName());
      }
      return o;
    }

    KeyStore pkcs11KeyStore() {
      try {
        java.security.Provider p = java.security.Security.getProvider("SunPKCS11").configure(pkcs11.toString());
        java.security.Security.addProvider(p);
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, secret);
        return ks;
      } catch (IOException | java.security.GeneralSecurityException e) {
        throw new IllegalStateException("cannot open the PKCS#11 token (" + e.getClass().getSimpleName() + ")", e);
      } finally {
        Arrays.fill(secret, '\0');
      }
    }
  }
}
