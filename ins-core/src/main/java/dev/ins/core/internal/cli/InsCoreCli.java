package dev.ins.core.internal.cli;

import dev.ins.core.BirthDate;
import dev.ins.core.ConsistencyWarning;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.RetrievalReview;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsSdk;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.NameNormalizer;
import dev.ins.core.NirConsistency;
import dev.ins.core.Sex;
import dev.ins.core.TraitField;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.cli.Json;
import dev.ins.core.cli.ViolationsJson;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ins-core on the command line: a thin shell over the public API, arguments in, one JSON object
 * out.
 *
 * <pre>
 * java -jar ins-core.jar demo
 * java -jar ins-core.jar matricule "2 79 03 51 215 189 89"
 * java -jar ins-core.jar normalize birthName "d’Arc–Dupont"
 * </pre>
 *
 * <p>Exit codes: 0 done (including "invalid input", which is an answer), 2 usage error.
 */
public final class InsCoreCli {

  private InsCoreCli() {}

  /**
   * Entry point.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /**
   * Runs a command, printing one JSON object.
   *
   * @param args the command and its arguments
   * @param out where the JSON goes
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out) {
    Map<String, Object> result = new LinkedHashMap<>();
    int code = 0;
    String cmd = args.length == 0 ? "demo" : args[0];
    switch (cmd) {
      case "demo" -> demo(result);
      case "matricule" -> {
        if (args.length != 2) {
          code = usage(result);
        } else {
          matricule(args[1], result);
        }
      }
      case "normalize" -> {
        if (args.length != 3) {
          code = usage(result);
        } else {
          normalize(args[1], args[2], result);
        }
      }
      default -> code = usage(result);
    }
    out.println(Json.write(result));
    return code;
  }

  private static int usage(Map<String, Object> result) {
    result.put("error", "usage: demo | matricule TEXT | normalize FIELD TEXT "
        + "(FIELD: birthName, firstNames, firstName, usedName, usedFirstName)");
    return 2;
  }

  private static void matricule(String text, Map<String, Object> result) {
    result.put("command", "matricule");
    try {
      Matricule m = Matricule.parse(text);
      result.put("valid", true);
      result.put("value", m.value());
      result.put("formatted", m.format());
      result.put("key", m.key());
      result.put("sexDigit", m.sexDigit());
      result.put("monthKind", m.monthKind().name());
      result.put("department", m.department());
      result.put("bornAbroad", m.isBornAbroad());
      result.put("note", "NIR or NIA is told by the OID, not by the digits");
    } catch (InsValidationException e) {
      result.put("valid", false);
      result.put("violations", violations(e));
    }
  }

  private static void normalize(String field, String text, Map<String, Object> result) {
    result.put("command", "normalize");
    TraitField f = null;
    for (TraitField t : TraitField.values()) {
      if (t.path().equals(field)) {
        f = t;
      }
    }
    if (f == null) {
      result.put("valid", false);
      result.put("error", "unknown field " + field.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
      return;
    }
    try {
      result.put("valid", true);
      result.put("normalized", NameNormalizer.normalize(f, text));
    } catch (InsValidationException e) {
      result.put("valid", false);
      result.put("violations", violations(e));
    }
  }

  private static List<Object> violations(InsValidationException e) {
    return ViolationsJson.of(e.violations());
  }

  /** Walks the published ANS test identity PAT-TROIS through the model. */
  private static void demo(Map<String, Object> result) {
    result.put("command", "demo");
    result.put("sdkVersion", InsSdk.version());
    List<Object> steps = new ArrayList<>();
    Traits typed = Traits.fromTyped("Pat-Trois", "Dominique  Marie–Louise", BirthDate.parse("1979-03-28"),
        Sex.FEMALE, "51215");
    steps.add(step("normalise typed traits", "birth name and first names brought to INS form",
        Map.of("birthName", typed.birthName().value(), "firstNames", typed.firstNames().value(),
            "firstFirstName", typed.firstFirstName())));
    InsIdentifier ins = InsIdentifier.of("2 79 03 51 215 189 89", "1.2.250.1.213.1.4.10");
    steps.add(step("parse the matricule INS", "key checked, nature " + ins.nature() + " from the test OID",
        Map.of("masked", ins.toString())));
    List<ConsistencyWarning> warnings = NirConsistency.check(ins.matricule(), typed);
    steps.add(step("check NIR/trait consistency", warnings.size() + " warning(s)", Map.of("warnings", warnings.size())));
    Traits insi = Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215");
    Identity prov = Identity.builder().traits(typed).build();
    Identity recup = prov.apply(RetrievalReview.of(prov, ins, insi, List.of(), Instant.parse("2026-11-28T09:00:00Z")).confirm());
    Identity qual = recup.apply(new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD, LocalDate.of(2026, 11, 28)));
    steps.add(step("apply status transitions", prov.status() + " -> " + recup.status() + " -> " + qual.status(),
        Map.of("exchangeableWhenRecup", recup.insForExchange().isPresent(),
            "exchangeableWhenQual", qual.insForExchange().isPresent())));
    try {
      Matricule.parse("2 79 03 51 215 189 88");
      steps.add(step("reject a wrong key", "unexpectedly accepted", Map.of()));
    } catch (InsValidationException e) {
      steps.add(step("reject a wrong key", e.code().name(), Map.of("message", e.getMessage())));
    }
    steps.add(step("mask for logs", "toString() never shows a trait", Map.of("identity", qual.toString())));
    result.put("steps", steps);
    result.put("ok", qual.insForExchange().isPresent());
  }

  private static Map<String, Object> step(String name, String outcome, Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", name);
    m.put("outcome", outcome);
    m.put("data", new LinkedHashMap<>(data));
    return m;
  }
}
