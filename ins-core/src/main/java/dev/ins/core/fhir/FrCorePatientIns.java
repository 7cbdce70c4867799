package dev.ins.core.fhir;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.CollectionMethod;
import dev.ins.core.FirstNames;
import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityStateException;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsiJustification;
import dev.ins.core.NameNormalizer;
import dev.ins.core.Sex;
import dev.ins.core.TraitField;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.internal.interop.InteropValues;
import dev.ins.core.internal.interop.JsonText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An identity as a FHIR R4 Patient conforming to FR Core's {@code fr-core-patient-ins} profile,
 * <b>FR Core 2.2.0</b>, in JSON. No FHIR framework and no Jackson are needed.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Patient element</th><th>identity</th></tr>
 *   <tr><td>{@code identifier} slices INS-NIR ({@code official}), INS-NIA ({@code temp}),
 *   INS-NIR-TEST, INS-NIR-DEMO ({@code official}); system {@code urn:oid:…}, type from
 *   {@code fr-core-cs-v2-0203}; former INS with {@code use = old}</td><td>INS and history; written
 *   only for a QUAL identity</td></tr>
 *   <tr><td>{@code name} {@code use = official}: {@code family}, one {@code given}, extension
 *   {@code fr-core-patient-birth-list-given-name}</td><td>birth name, first birth first name, list</td></tr>
 *   <tr><td>{@code name} {@code use = usual}</td><td>used name and used first name</td></tr>
 *   <tr><td>{@code gender} male | female | unknown</td><td>sex M | F | I</td></tr>
 *   <tr><td>{@code birthDate} ({@code YYYY}, {@code YYYY-MM} for incomplete dates)</td><td>birth date</td></tr>
 *   <tr><td>extension {@code patient-birthPlace}, {@code valueAddress} with extension
 *   {@code fr-core-address-insee-code} (TRE_R13 CommuneOM)</td><td>birthplace code</td></tr>
 *   <tr><td>extension {@code fr-core-identity-reliability}: {@code identityStatus},
 *   {@code comment}, {@code methodCollection}, {@code dateInterrogationINSi},
 *   {@code validationDate}, {@code validationMode}</td><td>status, attributes, collection method,
 *   last INSi call (as a date, Europe/Paris), validation date and mode</td></tr>
 * </table>
 *
 * <p>Reading is strict on what it maps and leaves the rest of the resource alone (telecom,
 * address, contacts, other identifiers such as the IPP or the NSS (type {@code NH}, which older FR
 * Core put under the INS-NIR system), unknown sub-extensions). Status codes are
 * read from {@code fr-core-cs-identity-status} and also from the older encodings
 * ({@code fr-core-v2-0445}, {@code fr-core-cs-v2-0445}, {@code fr-core-fiabilite-identite},
 * HL7 {@code v2-0445}), where VALI with an INS identifier meant a qualified INS: it is read as QUAL.
 * RECUP or QUAL without an INS identifier (the matricule travels only for QUAL) loses the INSi
 * criterion (PROV or VALI). The identity's RNIV invariants apply as to every identity (see
 * {@link Identity}): VALI or QUAL (legacy VALI with an INS included) without both
 * {@code validationMode} and {@code validationDate} is refused with
 * {@link ViolationCode#DOCUMENT_CHECK_REQUIRED}; a RECUP or QUAL identity read here carries an
 * {@link InsiJustification.Declared} justification naming this format, since FR Core does not carry
 * the strict verdict. The first birth first name ({@code given}) must be the start of the list,
 * hyphen, apostrophe and space equivalent ({@link FirstNames#acceptsFirstName}); the identity keeps
 * the list, so a compound {@code given} is written back as the list's first name. The code as sent
 * is kept in {@link #declaredStatus()}; comment codes
 * other than HOMA/DOUT/FICT are returned in {@link #otherComments()}. Every broken rule is reported
 * at once, under FHIRPath-like field paths ({@code Patient.name[0].family}).
 *
 * <pre>{@code
 * String json = FrCorePatientIns.toJson(identity);
 * FrCorePatientIns read = FrCorePatientIns.fromJson(json);
 * read.identity().traits();
 * }</pre>
 *
 * @param identity the identity read
 * @param declaredStatus the identityStatus code as sent, or empty when the extension is absent
 * @param otherComments identityReliability comment codes that are not identity attributes
 */
public record FrCorePatientIns(Identity identity, Optional<String> declaredStatus, List<String> otherComments) {

  /** The FR Core version this mapping follows. */
  public static final String FR_CORE_VERSION = "2.2.0";

  /** The profile canonical URL written in {@code meta.profile}. */
  public static final String PROFILE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins";

  private static final String CORE = "https://hl7.fr/ig/fhir/core/";
  private static final String RELIABILITY = CORE + "StructureDefinition/fr-core-identity-reliability";
  private static final String BIRTH_LIST = CORE + "StructureDefinition/fr-core-patient-birth-list-given-name";
  private static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
  private static final String INSEE_CODE = CORE + "StructureDefinition/fr-core-address-insee-code";
  private static final String COMMUNE_OM = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM";
  private static final String CS_STATUS = CORE + "CodeSystem/fr-core-cs-identity-status";
  private static final String CS_COMMENT = CORE + "CodeSystem/fr-core-cs-identity-status-comment";
  private static final String CS_METHOD = CORE + "CodeSystem/fr-core-cs-method-collection";
  private static final String CS_MODE = CORE + "CodeSystem/fr-core-cs-mode-validation-identity";
  private static final String CS_0203 = CORE + "CodeSystem/fr-core-cs-v2-0203";
  private static final Set<String> LEGACY_STATUS_SYSTEMS = Set.of(CORE + "CodeSystem/fr-core-v2-0445",
      CORE + "CodeSystem/fr-core-cs-v2-0445", CORE + "CodeSystem/fr-core-fiabilite-identite",
      CORE + "CodeSystem/fr-core-cs-fiabilite-identite", "http://terminology.hl7.org/CodeSystem/v2-0445");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String P = "Patient";
  /** The source named in the justification of a RECUP or QUAL identity read from a resource. */
  static final String DECLARED_BY = "FHIR fr-core-patient-ins identityReliability";

  /**
   * Rejects nulls and copies the list.
   *
   * @param identity see the record component
   * @param declaredStatus see the record component
   * @param otherComments see the record component
   */
  public FrCorePatientIns {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(declaredStatus, "declaredStatus");
    otherComments = List.copyOf(otherComments);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Writes the identity as an FR Core Patient INS resource (JSON, two-space indentation).
   *
   * @param identity the identity
   * @return the JSON text (patient data in clear: not for logs)
   * @throws InsValidationException when the birth date has a day but no month (FHIR cannot say it)
   */
  public static String toJson(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("resourceType", "Patient");
    p.put("meta", Map.of("profile", List.of(PROFILE)));
    List<Object> ext = new ArrayList<>();
    ext.add(reliability(identity));
    identity.traits().birthplace().ifPresent(b -> ext.add(map("url", BIRTH_PLACE, "valueAddress",
        map("extension", List.of(map("url", INSEE_CODE, "valueCoding", coding(COMMUNE_OM, b.value())))))));
    p.put("extension", ext);
    identity.insForExchange().ifPresent(ins -> {
      List<Object> ids = new ArrayList<>();
      ids.add(identifier(ins, ins.oid() == InsOid.INS_NIA ? "temp" : "official"));
      for (InsIdentifier old : identity.history()) {
        ids.add(identifier(old, "old"));
      }
      p.put("identifier", ids);
    });
    Traits t = identity.traits();
    List<Object> names = new ArrayList<>();
    names.add(map("extension", List.of(map("url", BIRTH_LIST, "valueString", t.firstNames().value())),
        "use", "official", "family", t.birthName().value(), "given", List.of(t.firstFirstName())));
    if (identity.usedName().isPresent() || identity.usedFirstName().isPresent()) {
      Map<String, Object> usual = map("use", "usual");
      identity.usedName().ifPresent(n -> usual.put("family", n));
      identity.usedFirstName().ifPresent(n -> usual.put("given", List.of(n)));
      names.add(usual);
    }
    p.put("name", names);
    p.put("gender", switch (t.sex()) {
      case MALE -> "male";
      case FEMALE -> "female";
      case UNKNOWN -> "unknown";
    });
    p.put("birthDate", fhirDate(t.birthDate()));
    return JsonText.write(p);
  }

  private static Map<String, Object> reliability(Identity identity) {
    List<Object> sub = new ArrayList<>();
    sub.add(map("url", "identityStatus", "valueCoding", coding(CS_STATUS, identity.status().name())));
    for (IdentityAttribute a : identity.attributes()) {
      sub.add(map("url", "comment", "valueCodeableConcept", map("coding", List.of(coding(CS_COMMENT, a.code())))));
    }
    identity.collectionMethod().ifPresent(m -> sub.add(map("url", "methodCollection",
        "valueCoding", coding(CS_METHOD, m.code()))));
    identity.lastInsiCall().ifPresent(at -> sub.add(map("url", "dateInterrogationINSi",
        "valueDate", at.atZone(PARIS).toLocalDate().toString())));
    identity.validationDate().ifPresent(d -> sub.add(map("url", "validationDate", "valueDate", d.toString())));
    identity.validationMode().ifPresent(m -> sub.add(map("url", "validationMode", "valueCoding",
        coding(CS_MODE, m.code()))));
    return map("url", RELIABILITY, "extension", sub);
  }

  private static Map<String, Object> identifier(InsIdentifier ins, String use) {
    return map("use", use, "type", map("coding", List.of(coding(CS_0203, typeCode(ins.oid())))),
        "system", ins.oid().urn(), "value", ins.matricule().value());
  }

  private static String typeCode(InsOid oid) {
    return switch (oid) {
      case INS_NIR -> "INS-NIR";
      case INS_NIA -> "INS-NIA";
      case INS_NIR_TEST -> "INS-NIR-TEST";
      case INS_NIR_DEMO -> "INS-NIR-DEMO";
    };
  }

  private static String fhirDate(BirthDate d) {
    if (d.month().isEmpty() && d.day().isPresent()) {
      throw InsValidationException.of(P + ".birthDate", ViolationCode.INVALID_DATE, -1,
          "a FHIR date cannot carry a known day with an unknown month");
    }
    StringBuilder b = new StringBuilder(String.format("%04d", d.year()));
    d.month().ifPresent(m -> b.append(String.format("-%02d", m)));
    d.day().ifPresent(x -> b.append(String.format("-%02d", x)));
    return b.toString();
  }

  private static Map<String, Object> coding(String system, String code) {
    return map("system", system, "code", code);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * Reads a Patient resource whose names are in INS form.
   *
   * @param json the Patient resource as JSON
   * @return the identity and what the resource declared
   * @throws InsValidationException listing every broken rule
   */
  public static FrCorePatientIns fromJson(CharSequence json) {
    return fromJson(json, NameForm.INS_FORM);
  }

  /**
   * Reads a Patient resource.
   *
   * @param json the Patient resource as JSON (at most 1 MiB)
   * @param names whether names must be in INS form or are normalised first
   * @return the identity and what the resource declared
   * @throws InsValidationException listing every broken rule (invalid JSON: field {@code json})
   */
  public static FrCorePatientIns fromJson(CharSequence json, NameForm names) {
    Objects.requireNonNull(names, "names");
    Object root = JsonText.parse(json);
    if (!(root instanceof Map<?, ?> p)) {
      throw InsValidationException.of(P, ViolationCode.INVALID_FORMAT, -1, "a Patient resource is a JSON object");
    }
    if (!"Patient".equals(p.get("resourceType"))) {
      throw InsValidationException.of(P + ".resourceType", ViolationCode.INVALID_FORMAT, -1, "resourceType must be Patient");
    }
    List<Violation> v = new ArrayList<>();
    Ids ids = collect(v, () -> identifiers(p));
    Names n = collect(v, () -> names(p, names));
    Sex sex = collect(v, () -> gender(p));
    BirthDate birthDate = collect(v, () -> birthDate(p));
    Optional<BirthplaceCode> birthplace = collect(v, () -> birthplace(p));
    Reliability rel = collect(v, () -> reliability(p));
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    Traits traits = Traits.of(n.birthName, n.firstNames, birthDate, sex, birthplace.orElse(null));
    IdentityStatus status = derive(rel, ids.active != null);
    try {
      Identity identity = Identity.builder().traits(traits).ins(ids.active).history(ids.history).status(status)
          .attributes(rel.attributes).usedName(n.usedName).usedFirstName(n.usedFirstName)
          .lastInsiCall(rel.insiCall == null ? null : rel.insiCall.atStartOfDay(PARIS).toInstant())
          .validation(rel.mode, rel.validationDate).collectionMethod(rel.method)
          .insiJustification(status.insiRetrieved() ? new InsiJustification.Declared(DECLARED_BY) : null).build();
      return new FrCorePatientIns(identity, Optional.ofNullable(rel.status), rel.others);
    } catch (IdentityStateException e) {
      throw new InsValidationException(List.of(e.toViolation(P + ".extension:identityReliability")));
    } catch (InsValidationException e) {
      throw e.under(P + ".name:usual");
    }
  }

  private static IdentityStatus derive(Reliability rel, boolean hasIns) {
    if (rel.status == null || rel.status.equals("PROV") || rel.status.equals("VIDE")) {
      return IdentityStatus.PROV;
    }
    IdentityStatus s = IdentityStatus.fromCode(rel.status);
    if (rel.legacy && s == IdentityStatus.VALI && hasIns) {
      return IdentityStatus.QUAL;
    }
    if (s.insiRetrieved() && !hasIns) {
      return IdentityStatus.of(false, s.documentChecked());
    }
    return s;
  }

  private static <T> T collect(List<Violation> sink, Supplier<T> read) {
    try {
      return read.get();
    } catch (InsValidationException e) {
      sink.addAll(e.violations());
      return null;
    }
  }

  private static InsValidationException bad(String path, ViolationCode code, String why) {
    return InsValidationException.of(path, code, -1, why);
  }

  private static List<?> list(Map<?, ?> o, String key, String path) {
    Object x = o.get(key);
    if (x == null) {
      return List.of();
    }
    if (!(x instanceof List<?> l)) {
      throw bad(path + "." + key, ViolationCode.INVALID_FORMAT, "expected a JSON array");
    }
    return l;
  }

  private static Map<?, ?> object(Object x, String path) {
    if (!(x instanceof Map<?, ?> m)) {
      throw bad(path, ViolationCode.INVALID_FORMAT, "expected a JSON object");
    }
    return m;
  }

  private static Map<?, ?> optObject(Map<?, ?> o, String key, String path) {
    Object x = o.get(key);
    return x == null ? null : object(x, path + "." + key);
  }

  private static String string(Map<?, ?> o, String key, String path) {
    Object x = o.get(key);
    if (x == null) {
      return null;
    }
    if (!(x instanceof String s)) {
      throw bad(path + "." + key, ViolationCode.INVALID_FORMAT, "expected a JSON string");
    }
    return s;
  }

  private static String requiredString(Map<?, ?> o, String key, String path) {
    String s = string(o, key, path);
    if (s == null) {
      throw bad(path + "." + key, ViolationCode.REQUIRED, "a value is required");
    }
    return s;
  }

  private record Ids(InsIdentifier active, List<InsIdentifier> history) {}

  private static Ids identifiers(Map<?, ?> p) {
    InsIdentifier active = null;
    List<InsIdentifier> history = new ArrayList<>();
    List<?> ids = list(p, "identifier", P);
    for (int i = 0; i < ids.size(); i++) {
      String path = P + ".identifier[" + i + "]";
      Map<?, ?> id = object(ids.get(i), path);
      String system = string(id, "system", path);
      String typeCode = null;
      boolean billingNumber = false;
      Map<?, ?> type = optObject(id, "type", path);
      if (type != null) {
        List<?> codings = list(type, "coding", path + ".type");
        for (int j = 0; j < codings.size(); j++) {
          String cp = path + ".type.coding[" + j + "]";
          Map<?, ?> c = object(codings.get(j), cp);
          String code = string(c, "code", cp);
          if (CS_0203.equals(string(c, "system", cp))) {
            typeCode = code;
          }
          billingNumber |= "NH".equals(code);
        }
      }
      if (billingNumber) {
        // NSS (type NH): older FR Core put it under the INS-NIR system; it is not an INS.
        continue;
      }
      InsOid oid = null;
      for (InsOid o : InsOid.values()) {
        if (o.urn().equals(system)) {
          oid = o;
        }
      }
      boolean insType = typeCode != null && typeCode.startsWith("INS-") && !typeCode.equals("INS-C");
      if (oid == null) {
        if (insType) {
          throw bad(path + ".system", ViolationCode.UNKNOWN_OID,
              "an INS identifier type needs an INS authority system (urn:oid:1.2.250.1.213.1.4.8, .9, .10 or .11)");
        }
        continue;
      }
      if (typeCode != null && !typeCode.equals(typeCode(oid))) {
        throw bad(path + ".type", ViolationCode.INCONSISTENT, "type code does not match the identifier system");
      }
      String use = requiredString(id, "use", path);
      String value = requiredString(id, "value", path);
      InsIdentifier ins;
      try {
        ins = new InsIdentifier(InteropValues.matricule(value), oid);
      } catch (InsValidationException e) {
        throw e.under(path + ".value");
      }
      String activeUse = oid == InsOid.INS_NIA ? "temp" : "official";
      if (use.equals("old")) {
        history.add(ins);
      } else if (use.equals(activeUse)) {
        if (active != null) {
          throw bad(path, ViolationCode.INCONSISTENT, "more than one active INS identifier");
        }
        active = ins;
      } else {
        throw bad(path + ".use", ViolationCode.UNKNOWN_CODE, "use must be " + activeUse + " or old for this slice");
      }
    }
    return new Ids(active, history);
  }

  private record Names(BirthName birthName, FirstNames firstNames, String usedName, String usedFirstName) {}

  private static Names names(Map<?, ?> p, NameForm form) {
    List<?> all = list(p, "name", P);
    Map<?, ?> official = null;
    Map<?, ?> usual = null;
    String officialPath = null;
    String usualPath = null;
    for (int i = 0; i < all.size(); i++) {
      String path = P + ".name[" + i + "]";
      Map<?, ?> n = object(all.get(i), path);
      String use = string(n, "use", path);
      if ("official".equals(use)) {
        if (official != null) {
          throw bad(path, ViolationCode.INCONSISTENT, "more than one official name");
        }
        official = n;
        officialPath = path;
      } else if ("usual".equals(use)) {
        if (usual != null) {
          throw bad(path, ViolationCode.INCONSISTENT, "more than one usual name");
        }
        usual = n;
        usualPath = path;
      }
    }
    if (official == null) {
      throw bad(P + ".name", ViolationCode.REQUIRED, "an official name (birth name) is required");
    }
    List<Violation> v = new ArrayList<>();
    Map<?, ?> o = official;
    String op = officialPath;
    BirthName bn = collectUnder(v, op + ".family", () -> form == NameForm.NORMALIZE
        ? BirthName.normalize(requiredString(o, "family", op)) : BirthName.of(requiredString(o, "family", op)));
    String list = collectUnder(v, op + ".extension:birth-list-given-name",
        () -> extensionString(o, BIRTH_LIST, op));
    FirstNames fn = list == null ? null : collectUnder(v, op + ".extension:birth-list-given-name",
        () -> form == NameForm.NORMALIZE ? FirstNames.normalize(list) : FirstNames.of(list));
    String given = collectUnder(v, op + ".given", () -> singleGiven(o, op, form));
    if (fn != null && given != null && !fn.acceptsFirstName(given)) {
      v.add(new Violation(op + ".given", ViolationCode.INCONSISTENT, -1,
          "given must be the first birth first name: the start of the birth-list-given-name list"
              + " (hyphen, apostrophe and space equivalent)"));
    }
    String usedName = null;
    String usedFirst = null;
    if (usual != null) {
      Map<?, ?> u = usual;
      String up = usualPath;
      usedName = collectUnder(v, up + ".family", () -> used(string(u, "family", up), TraitField.USED_NAME, form));
      usedFirst = collectUnder(v, up + ".given", () -> {
        List<?> g = list(u, "given", up);
        if (g.size() > 1) {
          throw bad(up + ".given", ViolationCode.INCONSISTENT, "one used first name at most");
        }
        return g.isEmpty() ? null : used(givenText(g.get(0), up), TraitField.USED_FIRST_NAME, form);
      });
    }
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return new Names(bn, fn, usedName, usedFirst);
  }

  private static String used(String value, TraitField field, NameForm form) {
    if (value == null) {
      return null;
    }
    return form == NameForm.NORMALIZE ? NameNormalizer.normalize(field, value) : value;
  }

  private static String givenText(Object x, String path) {
    if (!(x instanceof String s)) {
      throw bad(path + ".given", ViolationCode.INVALID_FORMAT, "expected a JSON string");
    }
    return s;
  }

  private static String singleGiven(Map<?, ?> o, String path, NameForm form) {
    List<?> g = list(o, "given", path);
    if (g.size() != 1) {
      throw bad(path + ".given", g.isEmpty() ? ViolationCode.REQUIRED : ViolationCode.INCONSISTENT,
          "the official name has exactly one given name (the first birth first name)");
    }
    String s = givenText(g.get(0), path);
    return form == NameForm.NORMALIZE ? NameNormalizer.normalize(TraitField.FIRST_NAME, s) : s;
  }

  private static String extensionString(Map<?, ?> o, String url, String path) {
    List<?> ext = list(o, "extension", path);
    String found = null;
    for (int i = 0; i < ext.size(); i++) {
      Map<?, ?> e = object(ext.get(i), path + ".extension[" + i + "]");
      if (url.equals(e.get("url"))) {
        if (found != null) {
          throw bad(path + ".extension[" + i + "]", ViolationCode.INCONSISTENT, "extension given twice");
        }
        found = requiredString(e, "valueString", path + ".extension[" + i + "]");
      }
    }
    if (found == null) {
      throw bad(path + ".extension", ViolationCode.REQUIRED, "the birth-list-given-name extension is required");
    }
    return found;
  }

  private static <T> T collectUnder(List<Violation> sink, String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (InsValidationException e) {
      for (Violation x : e.violations()) {
        sink.add(x.field().startsWith(P) ? x : x.under(path));
      }
      return null;
    }
  }

  private static Sex gender(Map<?, ?> p) {
    String g = string(p, "gender", P);
    if (g == null) {
      throw bad(P + ".gender", ViolationCode.REQUIRED, "gender is required");
    }
    return switch (g) {
      case "male" -> Sex.MALE;
      case "female" -> Sex.FEMALE;
      case "unknown" -> Sex.UNKNOWN;
      default -> throw bad(P + ".gender", ViolationCode.UNKNOWN_CODE, "gender must be male, female or unknown");
    };
  }

  private static BirthDate birthDate(Map<?, ?> p) {
    String d = string(p, "birthDate", P);
    String path = P + ".birthDate";
    if (d == null) {
      throw bad(path, ViolationCode.REQUIRED, "birthDate is required");
    }
    boolean shape = d.matches("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");
    if (!shape) {
      throw bad(path, ViolationCode.INVALID_FORMAT, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int y = Integer.parseInt(d.substring(0, 4));
    int m = d.length() >= 7 ? Integer.parseInt(d.substring(5, 7)) : 0;
    int day = d.length() == 10 ? Integer.parseInt(d.substring(8, 10)) : 0;
    if ((d.length() >= 7 && m == 0) || (d.length() == 10 && day == 0)) {
      throw bad(path, ViolationCode.INVALID_DATE, "a FHIR date has no 00 month or day: shorten the date instead");
    }
    try {
      return BirthDate.of(y, m, day);
    } catch (InsValidationException e) {
      throw e.under(P);
    }
  }

  private static Optional<BirthplaceCode> birthplace(Map<?, ?> p) {
    List<?> ext = list(p, "extension", P);
    Optional<BirthplaceCode> found = Optional.empty();
    boolean seen = false;
    for (int i = 0; i < ext.size(); i++) {
      String path = P + ".extension[" + i + "]";
      Map<?, ?> e = object(ext.get(i), path);
      if (!BIRTH_PLACE.equals(e.get("url"))) {
        continue;
      }
      if (seen) {
        throw bad(path, ViolationCode.INCONSISTENT, "birthPlace given twice");
      }
      seen = true;
      Map<?, ?> address = optObject(e, "valueAddress", path);
      if (address == null) {
        throw bad(path + ".valueAddress", ViolationCode.REQUIRED, "birthPlace holds a valueAddress");
      }
      List<?> inner = list(address, "extension", path + ".valueAddress");
      for (int j = 0; j < inner.size(); j++) {
        String ip = path + ".valueAddress.extension[" + j + "]";
        Map<?, ?> x = object(inner.get(j), ip);
        if (!INSEE_CODE.equals(x.get("url"))) {
          continue;
        }
        if (found.isPresent()) {
          throw bad(ip, ViolationCode.INCONSISTENT, "inseeCode given twice");
        }
        Map<?, ?> coding = optObject(x, "valueCoding", ip);
        if (coding == null) {
          throw bad(ip + ".valueCoding", ViolationCode.REQUIRED, "inseeCode holds a valueCoding");
        }
        String code = requiredString(coding, "code", ip + ".valueCoding");
        try {
          found = Optional.of(BirthplaceCode.of(code));
        } catch (InsValidationException ex) {
          throw ex.under(ip + ".valueCoding.code");
        }
      }
    }
    return found;
  }

  private record Reliability(String status, boolean legacy, Set<IdentityAttribute> attributes, List<String> others,
      CollectionMethod method, LocalDate insiCall, LocalDate validationDate, ValidationMode mode) {}

  private static Reliability reliability(Map<?, ?> p) {
    List<?> ext = list(p, "extension", P);
    Map<?, ?> rel = null;
    String path = null;
    for (int i = 0; i < ext.size(); i++) {
      Map<?, ?> e = object(ext.get(i), P + ".extension[" + i + "]");
      if (RELIABILITY.equals(e.get("url"))) {
        if (rel != null) {
          throw bad(P + ".extension[" + i + "]", ViolationCode.INCONSISTENT,
              "more than one identityReliability extension");
        }
        rel = e;
        path = P + ".extension[" + i + "]";
      }
    }
    Set<IdentityAttribute> attributes = EnumSet.noneOf(IdentityAttribute.class);
    List<String> others = new ArrayList<>();
    if (rel == null) {
      return new Reliability(null, false, attributes, others, null, null, null, null);
    }
    String status = null;
    boolean legacy = false;
    CollectionMethod method = null;
    LocalDate insiCall = null;
    LocalDate validationDate = null;
    ValidationMode mode = null;
    List<?> sub = list(rel, "extension", path);
    for (int i = 0; i < sub.size(); i++) {
      String sp = path + ".extension[" + i + "]";
      Map<?, ?> s = object(sub.get(i), sp);
      Object url = s.get("url");
      if (!(url instanceof String u)) {
        throw bad(sp + ".url", ViolationCode.REQUIRED, "a sub-extension has a url");
      }
      switch (u) {
        case "identityStatus" -> {
          if (status != null) {
            throw bad(sp, ViolationCode.INCONSISTENT, "identityStatus given twice");
          }
          Map<?, ?> c = requiredCoding(s, sp);
          String system = requiredString(c, "system", sp + ".valueCoding");
          String code = requiredString(c, "code", sp + ".valueCoding");
          if (system.equals(CS_STATUS)) {
            if (!Set.of("PROV", "RECUP", "VALI", "QUAL").contains(code)) {
              throw bad(sp + ".valueCoding.code", ViolationCode.UNKNOWN_CODE, "status must be PROV, RECUP, VALI or QUAL");
            }
          } else if (LEGACY_STATUS_SYSTEMS.contains(system)) {
            if (!Set.of("PROV", "RECUP", "VALI", "QUAL", "VIDE").contains(code)) {
              throw bad(sp + ".valueCoding.code", ViolationCode.UNKNOWN_CODE,
                  "a legacy status is PROV, VALI, VIDE, RECUP or QUAL");
            }
            legacy = true;
          } else {
            throw bad(sp + ".valueCoding.system", ViolationCode.UNKNOWN_CODE,
                "not an identity status code system (expected " + CS_STATUS + ")");
          }
          status = code;
        }
        case "comment" -> {
          Map<?, ?> cc = optObject(s, "valueCodeableConcept", sp);
          if (cc == null) {
            throw bad(sp + ".valueCodeableConcept", ViolationCode.REQUIRED, "a comment holds a valueCodeableConcept");
          }
          List<?> codings = list(cc, "coding", sp + ".valueCodeableConcept");
          for (int j = 0; j < codings.size(); j++) {
            String cp = sp + ".valueCodeableConcept.coding[" + j + "]";
            String code = requiredString(object(codings.get(j), cp), "code", cp);
            if (Set.of("HOMA", "DOUT", "FICT").contains(code)) {
              attributes.add(IdentityAttribute.fromCode(code));
            } else {
              others.add(code);
            }
          }
        }
        case "methodCollection" -> method = codeOf(s, sp, CollectionMethod::fromCode);
        case "validationMode" -> mode = codeOf(s, sp, ValidationMode::fromCode);
        case "dateInterrogationINSi" -> insiCall = date(s, sp);
        case "validationDate" -> validationDate = date(s, sp);
        default -> {
          // Open slicing: other sub-extensions (e.g. lastUpdated) are not identity data.
        }
      }
    }
    return new Reliability(status, legacy, attributes, others, method, insiCall, validationDate, mode);
  }

  private static Map<?, ?> requiredCoding(Map<?, ?> s, String sp) {
    Map<?, ?> c = optObject(s, "valueCoding", sp);
    if (c == null) {
      throw bad(sp + ".valueCoding", ViolationCode.REQUIRED, "a valueCoding is required");
    }
    return c;
  }

  private static <T> T codeOf(Map<?, ?> s, String sp, Function<String, T> parse) {
    String code = requiredString(requiredCoding(s, sp), "code", sp + ".valueCoding");
    try {
      return parse.apply(code);
    } catch (InsValidationException e) {
      throw bad(sp + ".valueCoding.code", e.code(), e.violations().get(0).detail());
    }
  }

  private static LocalDate date(Map<?, ?> s, String sp) {
    String d = requiredString(s, "valueDate", sp);
    if (!d.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw bad(sp + ".valueDate", ViolationCode.INVALID_FORMAT, "expected YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(d);
    } catch (DateTimeException e) {
      throw bad(sp + ".valueDate", ViolationCode.INVALID_DATE, "not a calendar date");
    }
  }

  /**
   * Returns the INSi call instant as this mapping writes it: the start of that day in Europe/Paris
   * (FHIR {@code dateInterrogationINSi} is a date).
   *
   * @param at an INSi call instant
   * @return the instant a read gives back
   */
  public static Instant insiCallPrecision(Instant at) {
    return at.atZone(PARIS).toLocalDate().atStartOfDay(PARIS).toInstant();
  }

  /** Masked: status and codes only. */
  @Override
  public String toString() {
    return "FrCorePatientIns[" + identity + ", declaredStatus=" + declaredStatus.orElse("none")
        + ", otherComments=" + otherComments + "]";
  }
}
