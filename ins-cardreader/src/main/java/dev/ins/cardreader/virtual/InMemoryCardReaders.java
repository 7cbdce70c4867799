package dev.ins.cardreader.virtual;

import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardSession;
import dev.ins.cardreader.ReaderInfo;
import dev.ins.cardreader.internal.MemoryReaders;
import dev.ins.cardreader.internal.TerminalsCardReaders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory adapter: readers and {@link ApduHandler} cards inside the JVM, driven by the test.
 * It runs the same port code as the PC/SC adapters (over an in-memory {@code javax.smartcardio}
 * provider), so behaviour matches: typed errors, waits, removal during a read.
 *
 * <pre>{@code
 * InMemoryCardReaders readers = InMemoryCardReaders.withReaders("Reader A");
 * readers.insert("Reader A", VitaleCardSimulator.of(beneficiaries));
 * VitaleCard card = new VitaleReader().read(readers, "Reader A");
 * readers.remove("Reader A");
 * }</pre>
 */
public final class InMemoryCardReaders implements CardReaders {

  private final MemoryReaders state = new MemoryReaders();
  private final TerminalsCardReaders port =
      new TerminalsCardReaders("in-memory", state::terminals, t -> { });

  private InMemoryCardReaders() {}

  /**
   * Creates the adapter with empty readers.
   *
   * @param readerNames the reader names
   * @return the adapter
   */
  public static InMemoryCardReaders withReaders(String... readerNames) {
    InMemoryCardReaders r = new InMemoryCardReaders();
    for (String n : readerNames) {
      r.addReader(n);
    }
    return r;
  }

  /**
   * Plugs a reader in.
   *
   * @param name the reader name
   */
  public void addReader(String name) {
    state.addReader(name);
  }

  /**
   * Unplugs a reader (its card goes with it).
   *
   * @param name the reader name
   */
  public void removeReader(String name) {
    state.removeReader(name);
  }

  /**
   * Inserts a card (replacing any card in the reader) and resets it.
   *
   * @param reader an existing reader
   * @param card the card
   * @throws IllegalArgumentException when the reader does not exist
   */
  public void insert(String reader, ApduHandler card) {
    state.insert(reader, card);
  }

  /**
   * Removes the card; may be called from inside a card's {@code process} to simulate a card pulled
   * out during a read.
   *
   * @param reader the reader
   */
  public void remove(String reader) {
    state.remove(reader);
  }

  /**
   * Returns how many sessions are open (leak checks in tests).
   *
   * @return the count
   */
  public int openSessions() {
    return port.openSessions();
  }

  @Override
  public String adapterName() {
    return port.adapterName();
  }

  @Override
  public List<ReaderInfo> readers() {
    return port.readers();
  }

  @Override
  public Optional<String> waitForCard(Duration timeout) {
    return port.waitForCard(timeout);
  }

  @Override
  public boolean waitForCard(String reader, Duration timeout) {
    return port.waitForCard(reader, timeout);
  }

  @Override
  public boolean waitForRemoval(String reader, Duration timeout) {
    return port.waitForRemoval(reader, timeout);
  }

  @Override
  public CardSession open(String reader) {
    return port.open(reader);
  }

  @Override
  public CardSession open(String reader, Duration timeout) {
    return port.open(reader, timeout);
  }

  /**
   * Returns how many card calls missed their deadline and have not returned yet (a card whose
   * {@code process} still blocks); they end when the card answers or is removed.
   *
   * @return the count
   */
  public int stuckCalls() {
    return port.stuckCalls();
  }

  /**
   * Waits until every card call that missed its deadline has returned (after the test pulled the
   * mute card out or let it answer).
   *
   * @param timeout the longest wait
   * @return true when none is left
   * @throws InterruptedException when interrupted
   */
  public boolean awaitNoStuckCall(Duration timeout) throws InterruptedException {
    return port.awaitNoStuckCall(timeout);
  }

  @Override
  public void close() {
    port.close();
  }
}
