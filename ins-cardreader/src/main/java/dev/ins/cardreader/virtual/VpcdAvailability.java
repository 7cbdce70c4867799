package dev.ins.cardreader.virtual;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.ReaderInfo;
import java.util.List;
import java.util.Objects;

/**
 * Whether {@link VpcdCard}s can be inserted on this machine: pcscd must answer and list the
 * virtual readers of vsmartcard's vpcd driver. A developer's workstation often runs pcscd for a
 * real reader without vpcd: tests built on virtual cards then skip with {@link #message()} instead
 * of failing with {@code NO_SERVICE} or {@code READER_UNAVAILABLE}.
 *
 * <pre>{@code
 * VpcdAvailability vpcd = VpcdAvailability.check();
 * Assumptions.assumeTrue(vpcd.ready(), vpcd.message());
 * }</pre>
 *
 * @param status what was found
 * @param message what was found and how to get the virtual readers, for a test's skip message
 */
public record VpcdAvailability(Status status, String message) {

  /** What the check found. */
  public enum Status {
    /** pcscd answers and lists vpcd's readers: virtual cards can be inserted. */
    READY,
    /** pcscd does not answer (not installed, not running, or PC/SC unusable). */
    NO_PCSCD,
    /** pcscd answers but without vpcd's readers (the vsmartcard-vpcd driver is not loaded). */
    NO_VPCD
  }

  /**
   * Validates.
   *
   * @param status see the record component, not null
   * @param message see the record component, not null
   */
  public VpcdAvailability {
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * Checks the machine's pcscd through the jnasmartcardio adapter.
   *
   * @return the availability
   */
  public static VpcdAvailability check() {
    try (CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
      return check(readers);
    } catch (CardReaderException | LinkageError e) {
      return new VpcdAvailability(Status.NO_PCSCD, noPcscd(e));
    }
  }

  /**
   * Checks through a given port: ready when it lists {@link VpcdCard#DEFAULT_READER}.
   *
   * @param readers the port to ask for its readers
   * @return the availability
   */
  public static VpcdAvailability check(CardReaders readers) {
    List<ReaderInfo> list;
    try {
      list = readers.readers();
    } catch (CardReaderException e) {
      return new VpcdAvailability(Status.NO_PCSCD, noPcscd(e));
    }
    if (list.stream().anyMatch(r -> r.name().equals(VpcdCard.DEFAULT_READER))) {
      return new VpcdAvailability(Status.READY, "pcscd lists vpcd's reader '" + VpcdCard.DEFAULT_READER + "'");
    }
    return new VpcdAvailability(Status.NO_VPCD, "pcscd runs but does not list vpcd's reader '"
        + VpcdCard.DEFAULT_READER + "' (readers: " + list.stream().map(ReaderInfo::name).toList()
        + "): install vsmartcard-vpcd and restart pcscd, e.g. with .ci/setup.d/50-pcscd.sh as root");
  }

  private static String noPcscd(Throwable e) {
    String why = e instanceof CardReaderException c ? c.code().name() : e.getClass().getSimpleName();
    return "pcscd is not answering (" + why + "): install pcscd and vsmartcard-vpcd and start pcscd,"
        + " e.g. with .ci/setup.d/50-pcscd.sh as root";
  }

  /**
   * Tells whether virtual cards can be inserted.
   *
   * @return true when {@link Status#READY}
   */
  public boolean ready() {
    return status == Status.READY;
  }
}
