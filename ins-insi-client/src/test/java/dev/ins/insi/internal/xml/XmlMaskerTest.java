package dev.ins.insi.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlMaskerTest {

  @Test
  void mask_hidesTraitsAndMatricules_keepsStructureAndCodes() {
    String xml = "<ns3:RESULTAT xmlns:ns3=\"u\"><ns3:CR><ns3:CodeCR>00</ns3:CodeCR></ns3:CR>"
        + "<ns3:NumIdentifiant>1090763220834</ns3:NumIdentifiant><ns3:Cle>89</ns3:Cle>"
        + "<NomNaissance>ECETINSI</NomNaissance><Prenom a=\"1\">PIERRE-ALAIN</Prenom>"
        + "<DateNaissance>2009-07-14</DateNaissance><LieuNaissance>63220</LieuNaissance><Sexe>M</Sexe>"
        + "<OID>1.2.250.1.213.1.4.8</OID></ns3:RESULTAT>";
    String m = XmlMasker.mask(xml);
    PiiGuard.assertNoPii(m, List.of("ECETINSI", "PIERRE-ALAIN", "2009-07-14", "63220", "1090763220834"));
    assertTrue(m.contains("<ns3:CodeCR>00</ns3:CodeCR>"), m);
    assertTrue(m.contains("<OID>1.2.250.1.213.1.4.8</OID>"), m);
    assertTrue(m.contains("<Prenom a=\"1\">***</Prenom>"), m);
  }

  @Test
  void mask_nirShapedTextElsewhere_isHiddenToo() {
    assertEquals("<Text>matricule ************* inconnu</Text>",
        XmlMasker.mask("<Text>matricule 109076322083489 inconnu</Text>"));
  }

  @Test
  void mask_emptyElementsAndNull() {
    assertEquals("<Prenom></Prenom>", XmlMasker.mask("<Prenom></Prenom>"));
    assertEquals("null", XmlMasker.mask(null));
  }
}
