package dev.ins.cardreader.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.smartcardio.CommandAPDU;

/**
 * A tiny ISO 7816-4 file system card: an MF and applications (DFs selected by AID), each holding
 * transparent EFs known by file identifier and short identifier. Answers SELECT (MF, EF by FID, DF by
 * AID), READ BINARY (by SFI or on the current EF) and nothing else ({@code 6D00}).
 */
public final class IsoFileCard {

  /** A transparent EF. */
  private record Ef(int fid, int sfi, byte[] content) {}

  private final Map<String, Map<Integer, Ef>> dfs = new HashMap<>();
  private final boolean t0ExactLength;
  private String currentDf = "MF";
  private Ef currentEf;

  /**
   * Creates an empty card.
   *
   * @param t0ExactLength answer {@code 6Cxx} when Le is 256 (00) and fewer bytes remain, as T=0
   *     cards do
   */
  public IsoFileCard(boolean t0ExactLength) {
    this.t0ExactLength = t0ExactLength;
    dfs.put("MF", new HashMap<>());
  }

  /**
   * Adds an EF.
   *
   * @param aid the DF's AID, or {@code null} for the MF
   * @param fid the file identifier
   * @param sfi the short identifier (1–30), or 0
   * @param content the content
   */
  public void addFile(byte[] aid, int fid, int sfi, byte[] content) {
    dfs.computeIfAbsent(aid == null ? "MF" : Hex.of(aid), k -> new HashMap<>())
        .put(fid, new Ef(fid, sfi, content.clone()));
  }

  /** Back to the MF, no current EF. */
  public synchronized void reset() {
    currentDf = "MF";
    currentEf = null;
  }

  /**
   * Answers a command.
   *
   * @param command the C-APDU
   * @return the R-APDU
   */
  public synchronized byte[] process(byte[] command) {
    CommandAPDU c;
    try {
      c = new CommandAPDU(command);
    } catch (IllegalArgumentException e) {
      return sw(0x6700);
    }
    if (c.getCLA() != 0x00) {
      return sw(0x6E00);
    }
    switch (c.getINS()) {
      case 0xA4:
        return select(c);
      case 0xB0:
        return readBinary(c);
      default:
        return sw(0x6D00);
    }
  }

  private byte[] select(CommandAPDU c) {
    byte[] id = c.getData();
    if (c.getP1() == 0x04) {
      String aid = Hex.of(id);
      if (!dfs.containsKey(aid) || "MF".equals(aid)) {
        return sw(0x6A82);
      }
      currentDf = aid;
      currentEf = null;
      return sw(0x9000);
    }
    if ((c.getP1() == 0x00 || c.getP1() == 0x02) && id.length == 2) {
      int fid = (id[0] & 0xFF) << 8 | (id[1] & 0xFF);
      if (fid == 0x3F00 && c.getP1() == 0x00) {
        currentDf = "MF";
        currentEf = null;
        return sw(0x9000);
      }
      Ef ef = dfs.get(currentDf).get(fid);
      if (ef == null) {
        return sw(0x6A82);
      }
      currentEf = ef;
      return sw(0x9000);
    }
    return sw(0x6A86);
  }

  private byte[] readBinary(CommandAPDU c) {
    int offset;
    if ((c.getP1() & 0x80) != 0) {
      int sfi = c.getP1() & 0x1F;
      Ef ef = dfs.get(currentDf).values().stream().filter(e -> e.sfi() == sfi && sfi != 0).findFirst().orElse(null);
      if (ef == null) {
        return sw(0x6A82);
      }
      currentEf = ef;
      offset = c.getP2();
    } else {
      if (currentEf == null) {
        return sw(0x6986);
      }
      offset = c.getP1() << 8 | c.getP2();
    }
    byte[] content = currentEf.content();
    if (offset > content.length) {
      return sw(0x6B00);
    }
    int ne = c.getNe() == 0 ? 256 : c.getNe();
    int available = content.length - offset;
    if (t0ExactLength && ne == 256 && available < 256) {
      return sw(0x6C00 | available);
    }
    int n = Math.min(ne, available);
    byte[] r = Arrays.copyOfRange(content, offset, offset + n + 2);
    r[n] = (byte) 0x90;
    r[n + 1] = 0x00;
    return r;
  }

  private static byte[] sw(int sw) {
    return new byte[] {(byte) (sw >> 8), (byte) sw};
  }
}
