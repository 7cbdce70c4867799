package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The closed code lists parse their own codes back and reject anything else with a typed error. */
class CodesTest {

  private static <E extends Enum<E>> void roundTrips(E[] values, Function<E, String> code, Function<String, E> parse) {
    for (E v : values) {
      assertEquals(v, parse.apply(code.apply(v)));
    }
    InsValidationException e = assertThrows(InsValidationException.class, () -> parse.apply("ZZZ"));
    assertEquals(ViolationCode.UNKNOWN_CODE, e.code());
    assertEquals(ViolationCode.REQUIRED, assertThrows(InsValidationException.class, () -> parse.apply(null)).code());
  }

  @Test
  void everyCodeList_roundTripsAndRejectsUnknownCodes() {
    roundTrips(Sex.values(), Sex::code, Sex::fromCode);
    roundTrips(IdentityStatus.values(), IdentityStatus::name, IdentityStatus::fromCode);
    roundTrips(IdentityAttribute.values(), IdentityAttribute::code, IdentityAttribute::fromCode);
    roundTrips(ValidationMode.values(), ValidationMode::code, ValidationMode::fromCode);
    roundTrips(CollectionMethod.values(), CollectionMethod::code, CollectionMethod::fromCode);
  }

  @Test
  void sexFromInsi_acceptsOnlyMaleAndFemale() {
    assertEquals(Sex.MALE, Sex.fromInsi("M"));
    assertEquals(Sex.FEMALE, Sex.fromInsi("F"));
    assertEquals(ViolationCode.UNKNOWN_CODE, assertThrows(InsValidationException.class, () -> Sex.fromInsi("I")).code());
    assertEquals(ViolationCode.UNKNOWN_CODE, assertThrows(InsValidationException.class, () -> Sex.fromInsi("m")).code());
  }

  @Test
  void statusIsTheProductOfTheTwoCriteria() {
    for (IdentityStatus s : IdentityStatus.values()) {
      assertEquals(s, IdentityStatus.of(s.insiRetrieved(), s.documentChecked()));
    }
  }

  @Test
  void version_comesFromTheBuild() {
    assertNotNull(InsSdk.version());
    assertTrue(InsSdk.version().matches("\\d+\\.\\d+\\.\\d+.*"), InsSdk.version());
  }

  @Test
  void module_exportsNoImplementationPackage() {
    ModuleDescriptor d = Matricule.class.getModule().getDescriptor();
    if (d == null) {
      return; // running on the class path: nothing to check (Surefire uses the module path here)
    }
    assertTrue(d.exports().stream().noneMatch(e -> e.source().contains(".internal")), d.exports().toString());
    assertTrue(d.exports().stream().anyMatch(e -> e.source().equals("dev.ins.core")));
  }
}
