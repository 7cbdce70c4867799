package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons name the evidence but never carry a patient's data beyond what must be shown, and never a NIR. */
class PrivacyTest {

  private static final String NIR = "279035121518989";

  @Test
  void nirInTheBodyALinkAndAFileName_neverReachesTheReasons() {
    Assessment a = Triages.assess(Triages.from("Assurance Maladie", "remboursement@gmail.com")
        .html("<p>Patient PAT-TROIS Dominique, NIR " + NIR + ", né le 28/03/1979 : remboursement en attente.</p>"
            + "<a href=\"https://secure-assure-remb.com/r?nir=" + NIR + "\">https://www.ameli.fr/assure?nir=" + NIR + "</a>")
        .attach("CR_" + NIR + ".pdf.exe", "application/pdf", SyntheticAttachments.windowsExecutable()));
    StringBuilder all = new StringBuilder(a.toString());
    a.reasons().forEach(r -> all.append('\n').append(r.message()));
    PiiGuard.assertNoPii(all.toString(), List.of(NIR, "PAT-TROIS", "Dominique", "28/03/1979"));
    assertTrue(all.toString().contains("*************89"), "the masked form keeps the key only: " + all);
  }

  @Test
  void spacedNirInAnAttachmentName_isMasked() {
    Assessment a = Triages.assess(Triages.from("X", "x@exemple-envoi.fr").text("x")
        .attach("2 79 03 51 215 189 89.exe", "application/octet-stream", SyntheticAttachments.windowsExecutable()));
    StringBuilder all = new StringBuilder();
    a.reasons().forEach(r -> all.append(r.message()).append('\n'));
    assertTrue(!all.toString().contains("51 215 189"), all.toString());
  }

  @Test
  void analysingAMessage_printsNothing() {
    String out = PiiGuard.captureStderr(() -> Triages.assess(Triages.from("Patient", "pat.trois@gmail.com")
        .text("NIR " + NIR + " PAT-TROIS Dominique")));
    PiiGuard.assertNoPii(out, List.of(NIR, "PAT-TROIS"));
  }
}
