package dev.ins.cardreader;

import dev.ins.cardreader.internal.TerminalsCardReaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The card-reader port: list readers, wait for a card to come or go, open a session on a card.
 *
 * <p>Adapters: {@link #pcsc(PcscAdapter)} over the machine's PC/SC service (jnasmartcardio or the
 * JDK's provider) and {@link dev.ins.cardreader.virtual.InMemoryCardReaders} over virtual cards.
 * Waiting methods return data on timeout (an empty optional, {@code false}) and handle the spurious
 * wake-ups some providers give. Close the port to release its PC/SC context and any session left
 * open. Implementations are thread-safe.
 *
 * <p>No call waits past its deadline, whatever the card or the driver does: a session opened with
 * {@link #open(String, Duration)} must finish all its work within that time, other calls within
 * {@link #DEFAULT_TIMEOUT} (waits within their own timeout). Past it the caller gets
 * {@code CARD_UNRESPONSIVE} (a card that stopped answering) or {@code TIMEOUT}; the SDK's thread
 * left in the driver ends on its own when the card answers or is removed, and the next call on the
 * port works. While a card is stuck that way, opening a session on its reader is refused at once.
 *
 * <pre>{@code
 * try (CardReaders readers = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
 *   Optional<String> reader = readers.waitForCard(Duration.ofSeconds(30));
 *   try (CardSession s = readers.open(reader.orElseThrow())) { ... }
 * }
 * }</pre>
 */
public interface CardReaders extends AutoCloseable {

  /** The longest a call without a timeout of its own may take (one command, listing, connecting). */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Opens the port on the machine's PC/SC service.
   *
   * @param adapter the PC/SC provider to go through
   * @return the port; the PC/SC context is established on first use
   */
  static CardReaders pcsc(PcscAdapter adapter) {
    return TerminalsCardReaders.pcsc(adapter);
  }

  /**
   * Returns a short name of the adapter (for diagnostics).
   *
   * @return for example {@code "jnasmartcardio"}
   */
  String adapterName();

  /**
   * Lists the readers and whether each holds a card.
   *
   * @return the readers, possibly empty
   * @throws CardReaderException {@code NO_SERVICE} when PC/SC is not running, ...
   */
  List<ReaderInfo> readers();

  /**
   * Waits until a card is present in any reader.
   *
   * @param timeout how long to wait at most, positive
   * @return the reader holding a card, or empty on timeout
   * @throws CardReaderException {@code NO_SERVICE}, {@code INTERRUPTED}, ...
   */
  Optional<String> waitForCard(Duration timeout);

  /**
   * Waits until a card is present in the given reader.
   *
   * @param reader the reader name
   * @param timeout how long to wait at most, positive
   * @return true when a card is present, false on timeout
   * @throws CardReaderException {@code READER_UNAVAILABLE}, {@code NO_SERVICE}, ...
   */
  boolean waitForCard(String reader, Duration timeout);

  /**
   * Waits until the given reader holds no card.
   *
   * @param reader the reader name
   * @param timeout how long to wait at most, positive
   * @return true when the reader is empty (or gone), false on timeout
   * @throws CardReaderException {@code NO_SERVICE}, {@code INTERRUPTED}, ...
   */
  boolean waitForRemoval(String reader, Duration timeout);

  /**
   * Connects to the card in a reader (any protocol); each command of the session may take up to
   * {@link #DEFAULT_TIMEOUT}.
   *
   * @param reader the reader name
   * @return the session, to be closed by the caller
   * @throws CardReaderException {@code NO_CARD}, {@code READER_UNAVAILABLE},
   *     {@code SHARING_VIOLATION}, {@code NO_SERVICE}, {@code CARD_UNRESPONSIVE}, ...
   */
  CardSession open(String reader);

  /**
   * Connects to the card in a reader with a deadline covering the whole session: connecting and
   * every command must be done within {@code timeout} from now. A command the card has not answered
   * by then fails with {@code CARD_UNRESPONSIVE}, one sent after it with {@code TIMEOUT}.
   *
   * <pre>{@code
   * try (CardSession s = readers.open(reader, Duration.ofSeconds(3))) { ... }
   * }</pre>
   *
   * @param reader the reader name
   * @param timeout the time the whole session may take, positive
   * @return the session, to be closed by the caller
   * @throws CardReaderException as {@link #open(String)}
   */
  CardSession open(String reader, Duration timeout);

  /** Closes sessions left open and releases the PC/SC context; idempotent. */
  @Override
  void close();
}
