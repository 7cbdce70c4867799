package dev.ins.benchmarks.cardreader;

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
import dev.ins.core.FirstNames;
import dev.ins.core.Matricule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of a full Carte Vitale 2 read (open, SELECT MF, READ BINARY, SELECT VITALE, READ BINARY,
 * parse, fingerprint, close) of a simulated card with three synthetic beneficiaries: through the
 * in-memory adapter (the baseline: no transport) and through the real PC/SC stack (pcscd +
 * vsmartcard vpcd, the card in a {@link VpcdCard}) with each PC/SC adapter. The pcscd variants
 * need a running pcscd with vsmartcard-vpcd (.ci/setup.d/50-pcscd.sh).
 *
 * <pre>
 * java -cp "ins-benchmarks/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main VitaleReadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VitaleReadBenchmark {

  /** Where the card is read from. */
  @Param({"in-memory", "jnasmartcardio", "jdk"})
  public String adapter;

  private static final String MEMORY_READER = "Reader";
  private static final String VPCD_READER = "Virtual PCD 00 00";

  private CardReaders readers;
  private VpcdCard vpcd;
  private String reader;
  private final VitaleReader vitale = new VitaleReader();

  /** Synthetic beneficiaries: invented names, published test matricules (ins-domain.md §6). */
  static List<VitaleBeneficiary> beneficiaries() {
    return List.of(
        VitaleBeneficiary.of(BirthName.of("TESTBENCH"), FirstNames.of("ALPHA"), BirthDate.of(1984, 5, 1),
            Matricule.parse("284058832102532")),
        VitaleBeneficiary.of(BirthName.of("TESTBENCH"), FirstNames.of("BRAVO"), BirthDate.of(2009, 7, 12),
            Matricule.parse("209076322083439")),
        VitaleBeneficiary.of(BirthName.of("TESTBENCH-ECHO"), FirstNames.of("CHARLIE"), BirthDate.of(2009, 6, 3),
            Matricule.parse("209066322012355")));
  }

  /** Inserts the simulated card. */
  @Setup(Level.Trial)
  public void insert() {
    VitaleCardSimulator card = VitaleCardSimulator.of(beneficiaries());
    if ("in-memory".equals(adapter)) {
      InMemoryCardReaders memory = InMemoryCardReaders.withReaders(MEMORY_READER);
      memory.insert(MEMORY_READER, card);
      readers = memory;
      reader = MEMORY_READER;
      return;
    }
    readers = CardReaders.pcsc(PcscAdapter.fromName(adapter));
    vpcd = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, card);
    if (!readers.waitForCard(VPCD_READER, Duration.ofSeconds(10))) {
      throw new IllegalStateException("pcscd did not see the virtual card");
    }
    reader = VPCD_READER;
  }

  /**
   * One full read.
   *
   * @return the card (consumed by JMH)
   */
  @Benchmark
  public VitaleCard fullRead() {
    return vitale.read(readers, reader);
  }

  /** Removes the card and closes the port. */
  @TearDown(Level.Trial)
  public void remove() {
    if (vpcd != null) {
      vpcd.close();
      readers.waitForRemoval(VPCD_READER, Duration.ofSeconds(10));
    }
    readers.close();
  }
}
