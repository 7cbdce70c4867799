package dev.ins.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.ConsistencyWarning;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsException;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsiJustification;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.matching.MatchTrait;
import dev.ins.core.matching.TraitCheck;
import dev.ins.core.matching.TraitReason;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

/**
 * A Jackson module that writes and reads every public ins-core value type.
 *
 * <p>Text values are JSON strings in their canonical form ({@link Matricule#value()}, the dotted
 * OID, {@code YYYY-MM-DD} with {@code 00} for unknown parts, the FR Core codes); {@link Traits},
 * {@link InsIdentifier}, {@link Identity}, {@link InsiJustification}, {@link Violation} and
 * {@link ConsistencyWarning} are objects. An identity's INSi justification is written with it
 * ({@code insiJustification}: {@code kind} COHERENT, OPERATOR_DECISION with {@code operator},
 * {@code decidedAt} and the {@code accepted} differences, or DECLARED with its {@code source}) and
 * read back through the same RNIV invariants as every other identity. Reading goes through the same factories as the rest of the API, so an invalid value fails
 * with a {@link JsonMappingException} whose cause is the SDK's typed error. The JSON holds patient
 * data in clear: it is for storage and exchange, not for logs.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new InsJacksonModule());
 * String json = mapper.writeValueAsString(identity);
 * Identity back = mapper.readValue(json, Identity.class);
 * }</pre>
 */
// Jackson is an optional dependency: the module does not re-export it, so javac's "exports" lint
// (a public supertype from a module read only statically) is expected here.
@SuppressWarnings("exports")
public final class InsJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module with every serializer and deserializer registered. */
  public InsJacksonModule() {
    super("ins-core");
    text(Matricule.class, Matricule::value, Matricule::parse);
    text(InsOid.class, InsOid::oid, InsOid::parse);
    text(BirthName.class, BirthName::value, BirthName::of);
    text(FirstNames.class, FirstNames::value, FirstNames::of);
    text(BirthplaceCode.class, BirthplaceCode::value, BirthplaceCode::of);
    text(BirthDate.class, BirthDate::format, BirthDate::parse);
    text(Sex.class, Sex::code, Sex::fromCode);
    text(IdentityStatus.class, IdentityStatus::name, IdentityStatus::fromCode);
    text(IdentityAttribute.class, IdentityAttribute::code, IdentityAttribute::fromCode);
    text(ValidationMode.class, ValidationMode::code, ValidationMode::fromCode);
    text(CollectionMethod.class, CollectionMethod::code, CollectionMethod::fromCode);
    object(InsIdentifier.class, InsJacksonModule::writeIns, InsJacksonModule::readIns);
    object(Traits.class, InsJacksonModule::writeTraits, InsJacksonModule::readTraits);
    object(Identity.class, InsJacksonModule::writeIdentity, InsJacksonModule::readIdentity);
    object(InsiJustification.class, InsJacksonModule::writeJustification, InsJacksonModule::readJustification);
    object(Violation.class, InsJacksonModule::writeViolation, n -> new Violation(req(n, "field").asText(),
        ViolationCode.valueOf(req(n, "code").asText()), req(n, "index").asInt(), req(n, "detail").asText()));
    object(ConsistencyWarning.class, (g, w) -> {
      g.writeStringField("kind", w.kind().name());
      g.writeStringField("reason", w.reason());
    }, n -> new ConsistencyWarning(ConsistencyWarning.Kind.valueOf(req(n, "kind").asText()), req(n, "reason").asText()));
  }

  private interface Writer<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(JsonNode node) throws IOException;
  }

  private <T> void text(Class<T> type, Function<T, String> write, Function<String, T> read) {
    addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(write.apply(value));
      }
    });
    addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw JsonMappingException.from(p, type.getSimpleName() + " must be a JSON string");
        }
        try {
          return read.apply(p.getText());
        } catch (InsException | IllegalArgumentException | java.time.DateTimeException e) {
          throw JsonMappingException.from(p, type.getSimpleName() + ": " + e.getMessage(), e);
        }
      }
    });
  }

  private <T> void object(Class<T> type, Writer<T> write, Reader<T> read) {
    addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        write.write(g, value);
        g.writeEndObject();
      }
    });
    addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || !node.isObject()) {
          throw JsonMappingException.from(p, type.getSimpleName() + " must be a JSON object");
        }
        try {
          return read.read(node);
        } catch (InsException | IllegalArgumentException | java.time.DateTimeException e) {
          throw JsonMappingException.from(p, type.getSimpleName() + ": " + e.getMessage(), e);
        }
      }
    });
  }

  private static JsonNode req(JsonNode n, String field) throws IOException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new JsonMappingException(null, "missing field '" + field + "'");
    }
    return v;
  }

  private static String opt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void writeIns(JsonGenerator g, InsIdentifier ins) throws IOException {
    g.writeStringField("matricule", ins.matricule().value());
    g.writeStringField("oid", ins.oid().oid());
  }

  private static InsIdentifier readIns(JsonNode n) throws IOException {
    return InsIdentifier.of(req(n, "matricule").asText(), req(n, "oid").asText());
  }

  private static void writeTraits(JsonGenerator g, Traits t) throws IOException {
    g.writeStringField("birthName", t.birthName().value());
    g.writeStringField("firstNames", t.firstNames().value());
    g.writeStringField("birthDate", t.birthDate().format());
    g.writeStringField("sex", t.sex().code());
    if (t.birthplace().isPresent()) {
      g.writeStringField("birthplace", t.birthplace().get().value());
    }
  }

  private static Traits readTraits(JsonNode n) throws IOException {
    String place = opt(n, "birthplace");
    return Traits.of(BirthName.of(req(n, "birthName").asText()), FirstNames.of(req(n, "firstNames").asText()),
        BirthDate.parse(req(n, "birthDate").asText()), Sex.fromCode(req(n, "sex").asText()),
        place == null ? null : BirthplaceCode.of(place));
  }

  private static void writeIdentity(JsonGenerator g, Identity i) throws IOException {
    g.writeStringField("status", i.status().name());
    g.writeFieldName("traits");
    g.writeStartObject();
    writeTraits(g, i.traits());
    g.writeEndObject();
    if (i.ins().isPresent()) {
      g.writeFieldName("ins");
      g.writeStartObject();
      writeIns(g, i.ins().get());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("history");
    for (InsIdentifier h : i.history()) {
      g.writeStartObject();
      writeIns(g, h);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("attributes");
    for (IdentityAttribute a : i.attributes()) {
      g.writeString(a.code());
    }
    g.writeEndArray();
    if (i.usedName().isPresent()) {
      g.writeStringField("usedName", i.usedName().get());
    }
    if (i.usedFirstName().isPresent()) {
      g.writeStringField("usedFirstName", i.usedFirstName().get());
    }
    if (i.lastInsiCall().isPresent()) {
      g.writeStringField("lastInsiCall", i.lastInsiCall().get().toString());
    }
    if (i.validationMode().isPresent()) {
      g.writeStringField("validationMode", i.validationMode().get().code());
    }
    if (i.validationDate().isPresent()) {
      g.writeStringField("validationDate", i.validationDate().get().toString());
    }
    if (i.collectionMethod().isPresent()) {
      g.writeStringField("collectionMethod", i.collectionMethod().get().code());
    }
    if (i.insiJustification().isPresent()) {
      g.writeFieldName("insiJustification");
      g.writeStartObject();
      writeJustification(g, i.insiJustification().get());
      g.writeEndObject();
    }
  }

  private static void writeTraitsField(JsonGenerator g, String name, Traits t) throws IOException {
    g.writeFieldName(name);
    g.writeStartObject();
    writeTraits(g, t);
    g.writeEndObject();
  }

  private static void writeJustification(JsonGenerator g, InsiJustification j) throws IOException {
    g.writeStringField("kind", j.kind().name());
    if (j instanceof InsiJustification.Coherent c) {
      writeTraitsField(g, "local", c.local());
      g.writeStringField("localFirstFirstName", c.localFirstFirstName());
      writeTraitsField(g, "insi", c.insi());
    } else if (j instanceof InsiJustification.OperatorDecision d) {
      writeTraitsField(g, "local", d.local());
      g.writeStringField("localFirstFirstName", d.localFirstFirstName());
      writeTraitsField(g, "insi", d.insi());
      g.writeStringField("operator", d.operator());
      g.writeStringField("decidedAt", d.decidedAt().toString());
      g.writeArrayFieldStart("accepted");
      for (TraitCheck c : d.accepted()) {
        g.writeStartObject();
        g.writeStringField("trait", c.trait().name());
        g.writeStringField("reason", c.reason().name());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (j instanceof InsiJustification.Declared d) {
      g.writeStringField("source", d.source());
    }
  }

  private static InsiJustification readJustification(JsonNode n) throws IOException {
    String kind = req(n, "kind").asText();
    switch (kind) {
      case "COHERENT":
        return new InsiJustification.Coherent(readTraits(req(n, "local")), req(n, "localFirstFirstName").asText(),
            readTraits(req(n, "insi")));
      case "OPERATOR_DECISION": {
        List<TraitCheck> accepted = new ArrayList<>();
        for (JsonNode c : req(n, "accepted")) {
          accepted.add(new TraitCheck(MatchTrait.valueOf(req(c, "trait").asText()),
              TraitReason.valueOf(req(c, "reason").asText())));
        }
        return new InsiJustification.OperatorDecision(readTraits(req(n, "local")),
            req(n, "localFirstFirstName").asText(), readTraits(req(n, "insi")), req(n, "operator").asText(),
            Instant.parse(req(n, "decidedAt").asText()), accepted);
      }
      case "DECLARED":
        return new InsiJustification.Declared(req(n, "source").asText());
      default:
        throw new JsonMappingException(null, "insiJustification.kind must be COHERENT, OPERATOR_DECISION or DECLARED");
    }
  }

  private static Identity readIdentity(JsonNode n) throws IOException {
    Identity.Builder b = Identity.builder()
        .status(IdentityStatus.fromCode(req(n, "status").asText()))
        .traits(readTraits(req(n, "traits")));
    if (n.hasNonNull("ins")) {
      b.ins(readIns(n.get("ins")));
    }
    List<InsIdentifier> history = new ArrayList<>();
    if (n.hasNonNull("history")) {
      for (JsonNode h : n.get("history")) {
        history.add(readIns(h));
      }
    }
    b.history(history);
    EnumSet<IdentityAttribute> attributes = EnumSet.noneOf(IdentityAttribute.class);
    if (n.hasNonNull("attributes")) {
      for (JsonNode a : n.get("attributes")) {
        attributes.add(IdentityAttribute.fromCode(a.asText()));
      }
    }
    b.attributes(attributes);
    b.usedName(opt(n, "usedName")).usedFirstName(opt(n, "usedFirstName"));
    String call = opt(n, "lastInsiCall");
    b.lastInsiCall(call == null ? null : Instant.parse(call));
    String mode = opt(n, "validationMode");
    String on = opt(n, "validationDate");
    b.validation(mode == null ? null : ValidationMode.fromCode(mode), on == null ? null : LocalDate.parse(on));
    String method = opt(n, "collectionMethod");
    b.collectionMethod(method == null ? null : CollectionMethod.fromCode(method));
    if (n.hasNonNull("insiJustification")) {
      b.insiJustification(readJustification(n.get("insiJustification")));
    }
    return b.build();
  }

  private static void writeViolation(JsonGenerator g, Violation v) throws IOException {
    g.writeStringField("field", v.field());
    g.writeStringField("code", v.code().name());
    g.writeNumberField("index", v.index());
    g.writeStringField("detail", v.detail());
  }
}
