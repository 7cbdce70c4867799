package dev.ins.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.ConsistencyWarning;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityEvent;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.IdentityStateException;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsiJustification;
import dev.ins.core.RetrievalReview;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.testing.SyntheticIdentities;
import dev.ins.core.testing.Seeds;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InsJacksonModuleTest {

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new InsJacksonModule());

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    return mapper.readValue(mapper.writeValueAsString(value), type);
  }

  @Test
  void everyValueType_roundTrips() throws Exception {
    List<Object> values = List.of(
        Matricule.parse("253072A07300443"), InsOid.INS_NIA, BirthName.of("D'ARC--DUPONT"),
        FirstNames.of("PIERRE-ALAIN MURIEL"), BirthplaceCode.of("2B020"), BirthDate.fromInsi("1975-00-00"),
        Sex.UNKNOWN, IdentityStatus.RECUP, IdentityAttribute.HOMONYME, ValidationMode.ELECTRONIC_ID_CARD,
        CollectionMethod.DATAMATRIX, InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10"),
        Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215"),
        new Violation("traits.birthName", ViolationCode.LOWERCASE, 2, "lowercase letter"),
        new ConsistencyWarning(ConsistencyWarning.Kind.BIRTHPLACE, "reason"));
    for (Object v : values) {
      assertEquals(v, mapper.readValue(mapper.writeValueAsString(v), v.getClass()), v.getClass().getSimpleName());
    }
  }

  @Test
  void textValues_areCanonicalStrings() throws Exception {
    assertEquals("\"253072A07300443\"", mapper.writeValueAsString(Matricule.parse("2 53 07 2a 073 004 43")));
    assertEquals("\"1.2.250.1.213.1.4.9\"", mapper.writeValueAsString(InsOid.INS_NIA));
    assertEquals("\"HOMA\"", mapper.writeValueAsString(IdentityAttribute.HOMONYME));
  }

  static LongStream seeds() {
    return Seeds.stream(50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void identities_roundTripWithEveryField(long seed) throws Exception {
    SyntheticIdentities ids = new SyntheticIdentities(seed);
    Identity q = ids.qualified().toBuilder().usedName("EPOUSE-NOM").usedFirstName("LOU")
        .attributes(java.util.Set.of(IdentityAttribute.HOMONYME)).history(List.of(ids.ins())).build();
    Identity p = ids.provisional().apply(new IdentityEvent.AttributeSet(IdentityAttribute.FICTIVE))
        .apply(new IdentityEvent.AttributeSet(IdentityAttribute.HOMONYME));
    Identity prov = ids.provisional();
    Identity r = prov.apply(RetrievalReview.of(prov, ids.ins(), prov.traits(), List.of(ids.ins()),
        Instant.parse("2026-02-03T04:05:06.789Z")).confirm());
    Traits insi = Traits.of(prov.traits().birthName(), prov.traits().firstNames(), prov.traits().birthDate(),
        prov.traits().sex(), BirthplaceCode.of("63220"));
    Identity noPlace = Identity.builder().traits(new Traits(insi.birthName(), insi.firstNames(), insi.birthDate(),
        insi.sex(), java.util.Optional.empty())).build();
    Identity decided = noPlace.apply(RetrievalReview.of(noPlace, ids.ins(), insi, List.of(), Instant.EPOCH)
        .acceptDifferences("accueil-7", Instant.parse("2026-02-03T04:06:00Z")));
    Identity declared = q.toBuilder().insiJustification(new InsiJustification.Declared("legacy store")).build();
    for (Identity i : List.of(q, p, r, decided, declared)) {
      assertEquals(i, roundTrip(i, Identity.class), Seeds.describe(seed));
    }
    List<Identity> list = mapper.readValue(mapper.writeValueAsString(List.of(q, p)), new TypeReference<List<Identity>>() {});
    assertEquals(List.of(q, p), list, Seeds.describe(seed));
  }

  private IdentityStateException.Rule rule(String json) {
    JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Identity.class));
    return assertInstanceOf(IdentityStateException.class, e.getCause()).rule();
  }

  @Test
  void invalidValues_failWithTheTypedErrorAsCause() {
    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> mapper.readValue("\"295109912611199\"", Matricule.class));
    InsValidationException cause = assertInstanceOf(InsValidationException.class, e.getCause());
    assertEquals(ViolationCode.INVALID_KEY, cause.code());
    assertThrows(JsonMappingException.class, () -> mapper.readValue("42", Matricule.class));
    assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"status\":\"QUAL\"}", Identity.class));
    JsonMappingException illegal = assertThrows(JsonMappingException.class, () -> mapper.readValue(
        "{\"status\":\"QUAL\",\"traits\":{\"birthName\":\"A\",\"firstNames\":\"B\",\"birthDate\":\"2000-01-01\",\"sex\":\"M\"}}",
        Identity.class));
    assertEquals("dev.ins.core.IdentityStateException", illegal.getCause().getClass().getName());
    String traits = "\"traits\":{\"birthName\":\"A\",\"firstNames\":\"B\",\"birthDate\":\"2000-01-01\",\"sex\":\"M\"}";
    String ins = "\"ins\":{\"matricule\":\"279035121518989\",\"oid\":\"1.2.250.1.213.1.4.10\"}";
    String coherent = "\"insiJustification\":{\"kind\":\"COHERENT\",\"local\":" + traits.substring(9)
        + ",\"localFirstFirstName\":\"B\",\"insi\":" + traits.substring(9) + "}";
    assertEquals(IdentityStateException.Rule.DOCUMENT_CHECK_REQUIRED, rule(
        "{\"status\":\"QUAL\"," + traits + "," + ins + "," + coherent + "}"));
    assertEquals(IdentityStateException.Rule.INSI_JUSTIFICATION_REQUIRED, rule(
        "{\"status\":\"RECUP\"," + traits + "," + ins + "}"));
    // A justification edited by hand so that the verdict no longer holds is refused when read back.
    assertEquals(IdentityStateException.Rule.VERDICT_NOT_COHERENT, rule("{\"status\":\"RECUP\"," + traits + "," + ins + ","
        + coherent.replaceFirst("\"sex\":\"M\"", "\"sex\":\"I\"") + "}"));
    JsonMappingException badInstant = assertThrows(JsonMappingException.class, () -> mapper.readValue(
        "{\"status\":\"PROV\",\"lastInsiCall\":\"yesterday\",\"traits\":{\"birthName\":\"A\",\"firstNames\":\"B\","
            + "\"birthDate\":\"2000-01-01\",\"sex\":\"M\"}}", Identity.class));
    assertInstanceOf(java.time.DateTimeException.class, badInstant.getCause());
  }
}
