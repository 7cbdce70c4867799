package dev.ins.cardreader.vitale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.virtual.ApduHandler;
import dev.ins.cardreader.virtual.InMemoryCardReaders;

/**
 * A card answering anything at all (any ATR, any data, any status word, truncated answers) gives a
 * Vitale read or the SDK's typed error, and never leaves a session open.
 */
class VitaleReaderFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void read_ofAnyCardAnswers_givesACardOrATypedError(FuzzedDataProvider data) {
    byte[] atr = data.consumeBytes(data.consumeInt(0, 33));
    ApduHandler card = new ApduHandler() {
      @Override
      public byte[] atr() {
        return atr.length < 2 ? new byte[] {0x3B, 0x00} : atr;
      }

      @Override
      public byte[] process(byte[] command) {
        if (data.remainingBytes() == 0) {
          return new byte[] {0x6F, 0x00};
        }
        return data.consumeBytes(data.consumeInt(0, 300));
      }
    };
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders("R")) {
      readers.insert("R", card);
      try {
        VitaleCard read = new VitaleReader().read(readers, "R");
        if (read.beneficiaries().isEmpty()) {
          throw new AssertionError("a card without beneficiary");
        }
      } catch (CardReaderException expected) {
        if (expected.getMessage() == null || expected.getMessage().isBlank()) {
          throw new AssertionError("typed error without a message");
        }
      }
      if (readers.openSessions() != 0) {
        throw new AssertionError("session left open");
      }
    }
  }
}
