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
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.vitale.VitaleSelection;
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
import dev.ins.insi.VitaleCardChangedException;
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
import java.io.PrintWriter;
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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end quickstart: reads a (simulated) Carte Vitale and chooses the beneficiary,
 * normalises and validates the traits, calls INSi (the embedded stub over real mutual TLS) with the
 * RNIV first-name strategy, or with the card data after checking the card was not swapped
 * ({@code --vitale}), compares the answer strictly with the local identity and lets the verdict
 * gate RECUP (the demo prints that it simulates the operator's decision when the verdict asks for a
 * review), qualifies the identity, stores it encrypted with a pseudonymised index, audits the
 * access, backs it up and runs the restore drill, then prints the DataMatrix INS payload and the FHIR
 * Patient. Every step prints one line.
 *
 * <pre>
 * java -jar ins-demo/target/ins-demo-0.1.0.jar                  # embedded defaults
 * java -jar ins-demo/target/ins-demo-0.1.0.jar --vitale         # search INSi with the card data
 * java -jar ins-demo/target/ins-demo-0.1.0.jar --pcsc           # the card goes through a real pcscd (vpcd)
 * java -jar ins-demo/target/ins-demo-0.1.0.jar --endpoint URL --pkcs12 FILE --roots PEM --idam ID
 * </pre>
 *
 * <p>Exit codes (the SDK's table): 0 every step passed, 1 a step failed, 2 usage, 3 an input
 * (credential, roots, secret) cannot be read.
 */
@Command(name = "ins-demo", description = "The end-to-end demo of ins-sdk on embedded defaults.")
public final class Demo implements Callable<Integer> {

  /** The holder of the demo card: the published test identity ADRUN ZOE (the insured person). */
  static final VitaleBeneficiary HOLDER = VitaleBeneficiary.of(BirthName.of("ADRUN"), FirstNames.of("ZOE"),
      BirthDate.of(1975, 12, 31), Matricule.parse("275126322074974"));

  /** The public CNDA test identity the demo walks through (see ins-domain.md §6.3), chosen on the card. */
  static final VitaleBeneficiary BENEFICIARY = VitaleBeneficiary.of(BirthName.of("ECETINSI"),
      FirstNames.of("PIERRE-ALAIN"), BirthDate.of(2009, 7, 14), Matricule.parse("109076322083489"));

  /** Another published test identity's card, inserted to show that a swapped card is caught. */
  static final VitaleBeneficiary OTHER = VitaleBeneficiary.of(BirthName.of("ADRTROIS"), FirstNames.of("DOMINIQUE"),
      BirthDate.of(1997, 2, 26), Matricule.parse("297022A02077878"));

  /** The operator the demo simulates when the strict verdict asks for a review. */
  static final String OPERATOR = "demo-operator";

  private static final String READER = "Demo reader";
  private static final int STEPS = 11;

  @Spec
  CommandSpec spec;

  @Option(names = "--pcsc", description = "send the virtual card through a real pcscd (vsmartcard-vpcd)")
  boolean pcsc;

  @Option(names = "--vitale", description = "search INSi with the card data (after checking the card was not swapped)"
      + " instead of the traits")
  boolean vitale;

  @Option(names = "--endpoint", paramLabel = "URL", description = "a real INSi test endpoint (https)")
  URI endpoint;

  @Option(names = "--pkcs12", paramLabel = "FILE", description = "your INSi credential (password: INS_PKCS12_PASSWORD)")
  Path pkcs12;

  @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "a SunPKCS11 configuration (PIN: INS_PKCS11_PIN)")
  Path pkcs11;

  @Option(names = "--roots", paramLabel = "PEM", description = "the IGC-Sante roots you trust")
  Path rootsFile;

  @Option(names = "--idam", paramLabel = "ID", description = "your software's CNDA authorisation number")
  String idam;

  @Option(names = "--emitter", defaultValue = "10B0000000", paramLabel = "STRUCTURE_ID", description = "the Emetteur")
  String emitter;

  private final Map<String, String> env;
  private PrintWriter out;
  private final List<X509Certificate> roots = new ArrayList<>();
  private char[] secret;
  private int step;

  Demo(Map<String, String> env) {
    this.env = env;
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
    return run(args, out, err, System.getenv());
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return Cli.run(new Demo(env), out, err, args);
  }

  @Override
  public Integer call() {
    checkOptions();
    // The step lines go to the command's output (the stream Cli prints to).
    out = spec.commandLine().getOut();
    try {
      return run();
    } catch (RuntimeException | IOException e) {
      out.println("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return ExitCode.NEGATIVE.code();
    } finally {
      out.flush();
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
    try (CardSlot slot = pcsc ? CardSlot.pcsc() : CardSlot.inMemory()) {
      return walk(work, slot);
    }
  }

  private int walk(Path work, CardSlot slot) throws IOException {
    // 1. Card: read it, the operator chooses the beneficiary (the demo chooses the second)
    VitaleReader vitaleReader = new VitaleReader();
    VitaleCard card = vitaleReader.read(slot.readers, slot.reader);
    int chosen = 1;
    VitaleBeneficiary b = card.beneficiaries().get(chosen);
    line("read the Carte Vitale", card.beneficiaries().size() + " beneficiaries, " + (pcsc ? "through pcscd (vpcd virtual card)" : "in-memory simulator")
        + "; chosen " + (chosen + 1) + "/" + card.beneficiaries().size() + ": " + b.birthName().value() + " "
        + b.firstName().value() + ", born " + b.birthDate().format() + ", NIR " + Masking.matricule(b.nir())
        + " (key " + b.nirCheck() + ")");

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
    try (Insi insi = endpoint == null ? Insi.stub() : Insi.remote(this)) {
      where = insi.description;
      if (vitale) {
        VitaleSelection selection = vitaleReader.select(slot.readers, slot.reader, card, chosen);
        String swap = "";
        if (!pcsc) {
          // Show CNDA 1.03: another card in the reader, and the search is refused before any call.
          slot.insert(VitaleCardSimulator.of(List.of(OTHER)));
          try {
            insi.client.searchWithVitale(selection);
            swap = "; a swapped card was NOT caught";
          } catch (VitaleCardChangedException e) {
            swap = "; with another card inserted the search was refused before any call (" + e.presence() + ")";
          }
          slot.insert(slot.card);
        }
        result = insi.client.searchWithVitale(selection);
        line("check the card, search INSi with it", where + ": card check " + result.cardCheck().orElseThrow()
            + " right before the call, RECVITALE for beneficiary " + (chosen + 1) + ": CR " + result.cr().code() + " ("
            + result.cr().label() + ")" + swap);
      } else {
        result = insi.client.searchByTraits(local);
        List<String> tried = new ArrayList<>();
        for (Attempt a : result.attempts()) {
          tried.add(String.join(" ", a.firstNamesSent()) + (a.birthplaceSent() ? " + birthplace" : "") + " -> CR "
              + a.cr().code());
        }
        line("search INSi by traits", where + ": CR " + result.cr().code() + " (" + result.cr().label() + ") after "
            + result.attempts().size() + " attempt(s) " + tried);
      }
    }
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
        out.println("        SIMULATED OPERATOR \"" + OPERATOR + "\" (this demo plays the operator) reviews the"
            + " differences and accepts them: " + accepted);
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

  /** The reader the demo card sits in, open for the whole run so that the card can be checked again. */
  private static final class CardSlot implements AutoCloseable {
    final CardReaders readers;
    final String reader;
    final VitaleCardSimulator card = VitaleCardSimulator.of(List.of(HOLDER, BENEFICIARY));
    private final InMemoryCardReaders memory;
    private final VpcdCard inserted;

    private CardSlot(CardReaders readers, String reader, InMemoryCardReaders memory, VpcdCard inserted) {
      this.readers = readers;
      this.reader = reader;
      this.memory = memory;
      this.inserted = inserted;
    }

    static CardSlot inMemory() {
      InMemoryCardReaders readers = InMemoryCardReaders.withReaders(READER);
      CardSlot slot = new CardSlot(readers, READER, readers, null);
      readers.insert(READER, slot.card);
      return slot;
    }

    static CardSlot pcsc() {
      VpcdCard inserted = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, VitaleCardSimulator.of(List.of(HOLDER,
          BENEFICIARY)));
      CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO);
      String name = readers.waitForCard(Duration.ofSeconds(10)).filter(n -> inserted != null).orElse(null);
      if (name == null) {
        readers.close();
        inserted.close();
        throw new IllegalStateException("no card seen by pcscd: is pcscd running with vsmartcard-vpcd? "
            + "(bash .ci/setup.d/50-pcscd.sh installs and starts both)");
      }
      return new CardSlot(readers, name, null, inserted);
    }

    void insert(VitaleCardSimulator other) {
      memory.insert(READER, other);
    }

    @Override
    public void close() {
      readers.close();
      if (inserted != null) {
        inserted.close();
      }
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

    static Insi remote(Demo o) {
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

  /** Checks the options together; credentials come from the environment, never from the command line. */
  private void checkOptions() {
    if (endpoint == null) {
      if (pkcs12 != null || pkcs11 != null || rootsFile != null || idam != null) {
        throw usage("--pkcs12, --pkcs11, --roots and --idam only make sense with --endpoint");
      }
      return;
    }
    if (!"https".equals(endpoint.getScheme())) {
      throw usage("--endpoint must be an https URL");
    }
    if ((pkcs12 == null) == (pkcs11 == null)) {
      throw usage("--endpoint needs your INSi credential: exactly one of --pkcs12 FILE or --pkcs11 CONFIG");
    }
    if (rootsFile == null) {
      throw usage("--endpoint needs --roots PEM (the IGC-Santé roots you trust); TLS is never 'trust all'");
    }
    if (idam == null) {
      throw usage("--endpoint needs --idam ID (your software's CNDA authorisation number)");
    }
    String secretVar = pkcs12 != null ? "INS_PKCS12_PASSWORD" : "INS_PKCS11_PIN";
    String value = env.get(secretVar);
    if (value == null) {
      throw new CliFailure(ExitCode.INPUT, "SECRET_UNAVAILABLE", "set " + secretVar
          + " in the environment (never on the command line)");
    }
    secret = value.toCharArray();
    Path credential = pkcs12 != null ? pkcs12 : pkcs11;
    for (Path p : List.of(credential, rootsFile)) {
      if (!Files.isReadable(p)) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", (p == rootsFile ? "--roots" : pkcs12 != null
            ? "--pkcs12" : "--pkcs11") + ": cannot read " + p);
      }
    }
    try (InputStream in = Files.newInputStream(rootsFile)) {
      for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        roots.add((X509Certificate) c);
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", "--roots: cannot read the roots in " + rootsFile + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static CliFailure usage(String message) {
    return new CliFailure(ExitCode.USAGE, "USAGE", message);
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
