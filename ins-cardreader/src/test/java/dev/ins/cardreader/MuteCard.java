package dev.ins.cardreader;

import dev.ins.cardreader.virtual.ApduHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A card that answers its first commands, then stops answering (it keeps the command, like a card
 * whose chip hangs after the ATR) until the test pulls it out.
 */
public final class MuteCard implements ApduHandler {

  private final ApduHandler card;
  private final int answered;
  private final AtomicInteger commands = new AtomicInteger();
  private final CountDownLatch pulled = new CountDownLatch(1);
  private final CountDownLatch silent = new CountDownLatch(1);
  private volatile Runnable onPulledOut = () -> { };

  /**
   * Creates the card.
   *
   * @param card what it answers while it still answers
   * @param answered how many commands it answers before going silent
   */
  public MuteCard(ApduHandler card, int answered) {
    this.card = card;
    this.answered = answered;
  }

  /**
   * Sets what pulling the card out does besides releasing the silent command (e.g. closing the
   * vpcd connection).
   *
   * @param action the action, run on the card's own thread
   */
  public void onPulledOut(Runnable action) {
    this.onPulledOut = action;
  }

  @Override
  public byte[] atr() {
    return card.atr();
  }

  @Override
  public byte[] process(byte[] command) {
    if (commands.incrementAndGet() <= answered) {
      return card.process(command);
    }
    silent.countDown();
    try {
      pulled.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onPulledOut.run();
    return new byte[] {0x6F, 0x00};
  }

  @Override
  public void reset() {
    card.reset();
  }

  /** Pulls the card out: the command it kept returns (without an answer when removed). */
  public void pullOut() {
    pulled.countDown();
  }

  /**
   * Tells whether the card has gone silent.
   *
   * @return true once it holds a command without answering
   */
  public boolean isSilent() {
    return silent.getCount() == 0;
  }
}
