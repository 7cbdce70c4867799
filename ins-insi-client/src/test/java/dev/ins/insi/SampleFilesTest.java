package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.InsOid;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ViolationCode;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five CNDA-style response files of the shared data set, injected through the stub and read by
 * the real client. Read from {@code ins.shared.data}; when absent, fails with CI=true and is skipped
 * with a message elsewhere.
 */
class SampleFilesTest {

  private static StubInsiServer stub;
  private static InsiClient client;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder().start();
    client = StubFixture.client(stub, StubPki.Client.INSI_AUTO).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    stub.close();
  }

  static byte[] sample(String name) {
    Path p = dev.ins.core.testing.SharedTestData.require("insi-samples/" + name); // fails with CI=true
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InsiResult inject(String name) {
    stub.enqueue(StubFault.canned(sample(name)));
    // Single first name: one call, which gets the canned file.
    return client.searchByTraits(Traits.fromTyped("CNDA", "CAS", BirthDate.parse("2000-01-01"), Sex.MALE, null));
  }

  @Test
  void repCr01_isNotFound() {
    InsiResult r = inject("REP_CR01.xml");
    InsiResult.NotFound nf = assertInstanceOf(InsiResult.NotFound.class, r);
    assertEquals(new CompteRendu("01", "Aucune identite trouvee"), nf.cr());
  }

  @Test
  void test204cas2_isFoundWithTwoHistoryEntries() {
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, inject("TEST_2.04_cas2.xml"));
    assertTrue(f.identity().isValid());
    assertEquals("109076322083489", f.identity().active().rawMatricule());
    assertEquals(InsOid.INS_NIR, f.identity().active().identifier().orElseThrow().oid());
    assertEquals(2, f.identity().history().size());
    assertEquals("209076322083439", f.identity().history().get(0).rawMatricule());
    assertEquals("2019-03-01", f.identity().history().get(0).dateDeb());
    assertEquals("2019-02-28", f.identity().history().get(0).dateFin());
    assertEquals("209066322012355", f.identity().history().get(1).rawMatricule());
    Traits t = f.identity().traits().traits().orElseThrow();
    assertEquals("ECETINSI", t.birthName().value());
    assertEquals("PIERRE-ALAIN", t.firstNames().first());
    assertEquals(Sex.MALE, t.sex());
    assertEquals("63220", t.birthplace().orElseThrow().value());
    assertEquals(null, f.identity().traits().firstName(), "no Prenom in this file");
  }

  @Test
  void test205_isFoundWithTheNiaOid() {
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, inject("TEST_2.05.xml"));
    assertTrue(f.identity().isValid());
    assertEquals(InsOid.INS_NIA, f.identity().active().identifier().orElseThrow().oid());
    assertEquals("109076322088835", f.identity().active().rawMatricule());
    assertEquals("MATRICULE", f.identity().traits().firstName());
    assertTrue(f.identity().history().isEmpty());
  }

  @Test
  void test208cas1_isFoundInCorsica() {
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, inject("TEST_2.08_cas1.xml"));
    assertTrue(f.identity().isValid());
    assertEquals("180032B02040123", f.identity().active().identifier().orElseThrow().matricule().value());
    assertEquals("2B020", f.identity().traits().traits().orElseThrow().birthplace().orElseThrow().value());
    assertEquals(1, f.identity().history().size());
    assertEquals(f.identity().active().rawMatricule(), f.identity().history().get(0).rawMatricule());
  }

  @Test
  void test208cas2_reportsTheWrongKeysAndKeepsTheData() {
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, inject("TEST_2.08_cas2.xml"));
    assertFalse(f.identity().isValid());
    ReturnedIns active = f.identity().active();
    assertFalse(active.keyValid());
    assertEquals("181036322045660", active.rawMatricule());
    assertEquals(ViolationCode.INVALID_KEY, active.violations().get(0).code());
    assertEquals(2, f.identity().history().size());
    assertEquals("281036322045610", f.identity().history().get(1).rawMatricule());
    assertFalse(f.identity().history().get(1).keyValid());
    assertTrue(f.identity().traits().isValid(), "the traits themselves are valid");
    assertEquals("HERMANN", f.identity().traits().birthName());
  }
}
