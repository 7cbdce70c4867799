package dev.ins.cardreader.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.internal.Hex;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The vpcd wire protocol, against a stand-in for vpcd (a local server socket). */
class VpcdCardTest {

  private static void send(DataOutputStream out, byte[] payload) throws Exception {
    out.writeShort(payload.length);
    out.write(payload);
    out.flush();
  }

  private static byte[] receive(DataInputStream in) throws Exception {
    byte[] b = new byte[in.readUnsignedShort()];
    in.readFully(b);
    return b;
  }

  @Test
  void card_answersAtrRequestsAndApdus_andGoesAwayWhenClosed() throws Exception {
    try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      VpcdCard card = VpcdCard.insert("127.0.0.1", vpcd.getLocalPort(), new DemoCard());
      try (Socket s = vpcd.accept()) {
        s.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        send(out, new byte[] {0x01}); // power on: no reply
        send(out, new byte[] {0x04}); // ATR request
        assertArrayEquals(DemoCard.ATR, receive(in));
        assertTrue(card.awaitPoweredOn(Duration.ofSeconds(5)));
        send(out, Hex.parse("00A4040008F0494E5354455354"));
        assertArrayEquals(new byte[] {(byte) 0x90, 0x00}, receive(in));
        send(out, Hex.parse("00B0810000"));
        byte[] r = receive(in);
        assertEquals(DemoCard.CONTENT.length + 2, r.length);
        send(out, new byte[] {0x02}); // reset: back to the MF, no reply
        send(out, Hex.parse("00B0000000"));
        assertArrayEquals(Hex.parse("6986"), receive(in), "no current EF after reset");
        assertTrue(card.isInserted());
        card.close();
        assertFalse(card.isInserted());
        assertThrows(EOFException.class, () -> receive(in), "vpcd sees the card go");
      }
    }
  }

  @Test
  void insert_withNoVpcdListening_givesNoService() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    CardReaderException e = assertThrows(CardReaderException.class,
        () -> VpcdCard.insert("127.0.0.1", port, new DemoCard()));
    assertEquals(CardReaderException.Code.NO_SERVICE, e.code());
    assertTrue(e.getMessage().contains("vsmartcard-vpcd"), e.getMessage());
  }
}
