package dev.ins.cardreader.virtual;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an {@link ApduHandler} into a real PC/SC stack through vsmartcard's virtual reader (vpcd):
 * the card is inserted while this client is connected to vpcd and removed when it is closed.
 *
 * <p>Wire protocol (vsmartcard vpcd): every message is a 2-byte big-endian length and a payload.
 * A 1-byte payload from vpcd is a control: {@code 00} power off, {@code 01} power on, {@code 02}
 * reset (no reply), {@code 04} send the ATR. Any longer payload is a C-APDU, answered with the
 * R-APDU. vpcd listens on port 35963 for reader {@code "Virtual PCD 00 00"} and 35964 for
 * {@code "Virtual PCD 00 01"}.
 *
 * <pre>{@code
 * try (VpcdCard card = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, new DemoCard())) {
 *   readers.waitForCard("Virtual PCD 00 00", Duration.ofSeconds(5));
 *   ...
 * } // card removed
 * }</pre>
 */
public final class VpcdCard implements AutoCloseable {

  /** vpcd's port for its first reader. */
  public static final int DEFAULT_PORT = 35963;

  /** The name pcscd gives vpcd's first reader (port {@link #DEFAULT_PORT}). */
  public static final String DEFAULT_READER = "Virtual PCD 00 00";

  private static final Logger LOG = LoggerFactory.getLogger(VpcdCard.class);

  private final Socket socket;
  private final ApduHandler handler;
  private final Thread thread;
  private final CountDownLatch poweredOn = new CountDownLatch(1);
  private volatile boolean closed;
  private boolean quickAck = true;

  private VpcdCard(Socket socket, ApduHandler handler, String name) {
    this.socket = socket;
    this.handler = handler;
    this.thread = new Thread(this::serve, name);
    this.thread.setDaemon(true);
  }

  /**
   * Connects to vpcd: the card is now in the reader.
   *
   * @param host vpcd's host, usually {@code 127.0.0.1}
   * @param port vpcd's port, {@link #DEFAULT_PORT} or the next one
   * @param handler the card
   * @return the inserted card
   * @throws CardReaderException {@code NO_SERVICE} when vpcd does not accept the connection
   */
  public static VpcdCard insert(String host, int port, ApduHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), 5000);
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      throw CardReaderException.of(Code.NO_SERVICE, "vpcd at " + host + ":" + port
          + " refused the virtual card (is pcscd with vsmartcard-vpcd running?): "
          + e.getClass().getSimpleName());
    }
    VpcdCard card = new VpcdCard(s, handler, "vpcd-card-" + port);
    card.thread.start();
    return card;
  }

  /**
   * Waits until the reader has powered the card on (pcscd has seen it).
   *
   * @param timeout at most this long
   * @return true when powered on
   * @throws CardReaderException {@code INTERRUPTED}
   */
  public boolean awaitPoweredOn(Duration timeout) {
    try {
      return poweredOn.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CardReaderException.of(Code.INTERRUPTED, "wait for power-on interrupted");
    }
  }

  /**
   * Tells whether the card is still connected to vpcd.
   *
   * @return true until closed or dropped by vpcd
   */
  public boolean isInserted() {
    return !closed && thread.isAlive();
  }

  private void serve() {
    try (DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      while (!closed) {
        quickAck();
        int len = in.readUnsignedShort();
        // vpcd writes the length and the payload apart: acknowledge the length at once, or the
        // payload waits for our delayed ACK (about 40 ms per APDU on Linux).
        quickAck();
        byte[] msg = new byte[len];
        in.readFully(msg);
        if (len == 1) {
          switch (msg[0]) {
            case 0x00:
              break;
            case 0x01:
            case 0x02:
              handler.reset();
              poweredOn.countDown();
              break;
            case 0x04:
              poweredOn.countDown();
              send(out, handler.atr());
              break;
            default:
              LOG.debug("vpcd control {} ignored", msg[0]);
          }
          continue;
        }
        byte[] r;
        try {
          r = handler.process(msg);
        } catch (RuntimeException e) {
          LOG.debug("virtual card failed on an APDU: {}", e.toString());
          r = new byte[] {0x6F, 0x00};
        }
        if (closed) {
          return; // removed while answering: vpcd sees the card go
        }
        send(out, r == null || r.length < 2 ? new byte[] {0x6F, 0x00} : r);
      }
    } catch (EOFException e) {
      LOG.debug("vpcd closed the connection");
    } catch (IOException e) {
      if (!closed) {
        LOG.debug("vpcd connection lost: {}", e.toString());
      }
    } finally {
      closed = true;
    }
  }

  private void quickAck() {
    if (quickAck) {
      try {
        socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
      } catch (IOException | UnsupportedOperationException e) {
        quickAck = false; // not Linux: only slower
      }
    }
  }

  private static void send(DataOutputStream out, byte[] payload) throws IOException {
    // One write per message: a length and a payload sent apart would wait for a delayed ACK.
    byte[] frame = new byte[payload.length + 2];
    frame[0] = (byte) (payload.length >> 8);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    out.write(frame);
    out.flush();
  }

  /** Removes the card from the reader; idempotent; may be called from inside the handler. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the vpcd socket: {}", e.toString());
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
