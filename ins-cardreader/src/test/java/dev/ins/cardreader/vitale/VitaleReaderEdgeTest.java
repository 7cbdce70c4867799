package dev.ins.cardreader.vitale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.TestBeneficiaries;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.internal.IsoFileCard;
import dev.ins.cardreader.internal.vitale.VitaleLayout;
import dev.ins.cardreader.tlv.BerTlv;
import dev.ins.cardreader.tlv.Tlv;
import dev.ins.cardreader.virtual.ApduHandler;
import dev.ins.cardreader.virtual.InMemoryCardReaders;
import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Cards at the edges: ISO 7816-4 warnings, one malformed beneficiary among good ones. */
class VitaleReaderEdgeTest {

  private static final String R = "Reader";
  private final VitaleReader vitale = new VitaleReader();

  /** A Vitale 2 holding the two files given, answering READ BINARY through {@code answers}. */
  private static ApduHandler card(byte[] identity, byte[] nirs, UnaryOperator<byte[]> answers) {
    IsoFileCard files = new IsoFileCard(false);
    files.addFile(null, 0x2002, VitaleLayout.SFI_IDENTITY, identity);
    files.addFile(VitaleLayout.AID_VITALE, 0x2002, VitaleLayout.SFI_IDENTITY, nirs);
    return new ApduHandler() {
      @Override
      public byte[] atr() {
        return VitaleLayout.ATR.clone();
      }

      @Override
      public byte[] process(byte[] command) {
        byte[] r = files.process(command);
        return (command[1] & 0xFF) == 0xB0 ? answers.apply(r) : r;
      }

      @Override
      public void reset() {
        files.reset();
      }
    };
  }

  /** Replaces a 9000 on a short READ BINARY answer by another status word. */
  private static UnaryOperator<byte[]> statusOnShortRead(int sw) {
    return r -> {
      int n = r.length;
      if (n >= 2 && r[n - 2] == (byte) 0x90 && r[n - 1] == 0x00 && n - 2 < 256) {
        byte[] out = r.clone();
        out[n - 2] = (byte) (sw >> 8);
        out[n - 1] = (byte) sw;
        return out;
      }
      return r;
    };
  }

  @Test
  void read_withEndOfFileWarning6282OnTheFirstRead_usesTheData() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(62, 2);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, card(VitaleLayout.encodeIdentityFile(list), VitaleLayout.encodeNirFile(list),
          statusOnShortRead(0x6282)));
      assertEquals(list, vitale.read(readers, R).beneficiaries());
    }
  }

  @Test
  void read_withOtherIsoWarnings_usesTheData() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(63, 1);
    for (int sw : new int[] {0x6200, 0x6300, 0x6284}) {
      try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
        readers.insert(R, card(VitaleLayout.encodeIdentityFile(list), VitaleLayout.encodeNirFile(list),
            statusOnShortRead(sw)));
        assertEquals(list, vitale.read(readers, R).beneficiaries(), Integer.toHexString(sw));
      }
    }
  }

  @Test
  void read_withWarningThatPutsTheDataInDoubt_isRefusedWithTheStatusWord() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(64, 1);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, card(VitaleLayout.encodeIdentityFile(list), VitaleLayout.encodeNirFile(list),
          statusOnShortRead(0x6281)));
      CardReaderException e = assertThrows(CardReaderException.class, () -> vitale.read(readers, R));
      assertEquals(Code.UNEXPECTED_STATUS, e.code());
      assertEquals(0x6281, e.statusWord().orElseThrow());
      assertTrue(e.getMessage().contains("6281 (part of returned data may be corrupted)"), e.getMessage());
    }
  }

  /** The identity file of {@code list} with template {@code index} replaced by raw bytes. */
  private static byte[] identityWith(List<VitaleBeneficiary> list, int index, byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < list.size(); i++) {
      out.writeBytes(i == index ? raw : VitaleLayout.encodeIdentityFile(List.of(list.get(i))));
    }
    return out.toByteArray();
  }

  private static byte[] template(String name, String first, String date) {
    return BerTlv.encode(List.of(Tlv.constructed(0x65, List.of(
        Tlv.primitive(0x80, name.getBytes(StandardCharsets.US_ASCII)),
        Tlv.primitive(0x81, first.getBytes(StandardCharsets.US_ASCII)),
        Tlv.primitive(0x82, date.getBytes(StandardCharsets.US_ASCII))))));
  }

  @Test
  void read_withOneMalformedField_keepsTheOtherBeneficiariesAndNamesTheField() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(65, 3);
    VitaleBeneficiary second = list.get(1);
    byte[] badDate = template(second.birthName().value(), second.firstName().value(), "1984133");
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, card(identityWith(list, 1, badDate), VitaleLayout.encodeNirFile(list), r -> r));
      VitaleCard card = vitale.read(readers, R);
      assertEquals(List.of(list.get(0), list.get(2)), card.beneficiaries());
      assertEquals(list.get(0), card.holder());
      assertEquals(List.of(new UnreadableBeneficiary(1, "beneficiaries[1].birthDate",
          "expected 8 digits YYYYMMDD, got 7 characters")), card.unreadable());
      PiiGuard.assertNoPii(card.unreadable().toString(), TestBeneficiaries.secrets(list));
    }
  }

  @Test
  void read_withOneTemplateWhoseTlvIsBroken_keepsTheOthers() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(66, 3);
    byte[] broken = Hex.parse("6503800541"); // the name claims 5 bytes, the template holds 1
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, card(identityWith(list, 2, broken), VitaleLayout.encodeNirFile(list), r -> r));
      VitaleCard card = vitale.read(readers, R);
      assertEquals(list.subList(0, 2), card.beneficiaries());
      UnreadableBeneficiary u = card.unreadable().get(0);
      assertEquals(2, u.position());
      assertEquals("beneficiaries[2]", u.field());
      assertTrue(u.rule().startsWith("MF identity file: BER-TLV at offset ")
          && u.rule().endsWith(": value of 5 bytes runs past the end (1 bytes left)"), u.rule());
    }
  }

  @Test
  void read_withTheHoldersDataMalformed_keepsTheOthers_andHolderSaysWhy() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(67, 2);
    byte[] nonAscii = template("DUPON\u00c9".replace('\u00c9', '?'), "ANNE", "19840501");
    nonAscii[6] = (byte) 0xC9; // a byte of the name that is not printable ASCII
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, card(identityWith(list, 0, nonAscii), VitaleLayout.encodeNirFile(list), r -> r));
      VitaleCard card = vitale.read(readers, R);
      assertEquals(List.of(list.get(1)), card.beneficiaries());
      CardReaderException e = assertThrows(CardReaderException.class, card::holder);
      assertEquals(Code.MALFORMED_DATA, e.code());
      assertTrue(e.getMessage().contains("card holder unreadable: beneficiaries[0].birthName: byte"), e.getMessage());
      assertTrue(Arrays.toString(card.unreadable().toArray()).contains("not printable ASCII"));
    }
  }
}
