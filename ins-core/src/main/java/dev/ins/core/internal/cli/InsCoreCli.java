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
import dev.ins.core.Violation;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.ViolationsJson;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * ins-core on the command line: a thin picocli shell over the public API, arguments in, one JSON
 * object out (conventions of {@link Cli}).
 *
 * <pre>
 * java -jar ins-core-cli.jar demo
 * java -jar ins-core-cli.jar matricule "2 79 03 51 215 189 89"
 * java -jar ins-core-cli.jar normalize birthName "d’Arc–Dupont"
 * </pre>
 *
 * <p>Exit codes ({@link ExitCode}): 0 done (a valid matricule, a normalised value, the demo), 1 the
 * answer is negative (an invalid matricule, a value that cannot be brought to INS form), 2 usage.
 * Without a command, runs {@code demo}.
 */
@Command(name = "ins-core", description = "The INS domain model on the command line (one JSON object out).",
    subcommands = {InsCoreCli.Demo.class, InsCoreCli.MatriculeCommand.class, InsCoreCli.Normalize.class})
public final class InsCoreCli implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Creates the command (picocli instantiates it). */
  public InsCoreCli() {}

  /**
   * Entry point.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.exit(Cli.run(new InsCoreCli(), System.out, System.err, args));
  }

  /**
   * Runs a command, printing one JSON object (or help text) on {@code out} and error lines on
   * {@code err}.
   *
   * @param out where the JSON goes
   * @param err where error lines go
   * @param args the command and its arguments
   * @return the exit code
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return Cli.run(new InsCoreCli(), out, err, args);
  }

  /** Without a command: the demo. */
  @Override
  public Integer call() {
    Cli.print(spec, demo());
    return ExitCode.DONE.code();
  }

  /** {@code demo}: walks the published test identity PAT-TROIS through the model. */
  @Command(name = "demo", description = "Walk the published ANS test identity PAT-TROIS through the model.")
  static final class Demo implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Cli.print(spec, demo());
      return ExitCode.DONE.code();
    }
  }

  /** {@code matricule TEXT}: parses and checks a matricule INS. */
  @Command(name = "matricule", description = "Check a matricule INS (NIR or NIA): 15 characters, key, structure."
      + " Exit 1 when it is not valid.")
  static final class MatriculeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEXT", description = "the matricule, spaces allowed")
    String text;

    @Override
    public Integer call() {
      return answer(spec, "matricule", result -> {
        Matricule m = Matricule.parse(text);
        result.put("value", m.value());
        result.put("formatted", m.format());
        result.put("key", m.key());
        result.put("sexDigit", m.sexDigit());
        result.put("monthKind", m.monthKind().name());
        result.put("department", m.department());
        result.put("bornAbroad", m.isBornAbroad());
        result.put("note", "NIR or NIA is told by the OID, not by the digits");
      });
    }
  }

  /** {@code normalize FIELD TEXT}: brings typed input to INS form. */
  @Command(name = "normalize", description = "Bring a typed name to INS form."
      + " Exit 1 when it cannot be (the violations say why).")
  static final class Normalize implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIELD",
        description = "birthName, firstNames, firstName, usedName or usedFirstName")
    String field;

    @Parameters(index = "1", paramLabel = "TEXT", description = "the value as typed")
    String text;

    @Override
    public Integer call() {
      TraitField f = null;
      List<String> names = new ArrayList<>();
      for (TraitField t : TraitField.values()) {
        names.add(t.path());
        if (t.path().equals(field)) {
          f = t;
        }
      }
      if (f == null) {
        throw CliFailure.usage("parameter FIELD: expected one of " + String.join(", ", names) + " (value not shown)");
      }
      TraitField chosen = f;
      return answer(spec, "normalize", result -> result.put("normalized", NameNormalizer.normalize(chosen, text)));
    }
  }

  /**
   * Prints {@code {"command":…,"valid":true,…}} with what {@code valid} adds, exit 0; or, when it
   * throws {@link InsValidationException}, {@code "valid":false} with the violations, exit 1.
   */
  private static int answer(CommandSpec spec, String command, Consumer<Map<String, Object>> valid) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("command", command);
    result.put("valid", true);
    try {
      valid.accept(result);
      Cli.print(spec, result);
      return ExitCode.DONE.code();
    } catch (InsValidationException e) {
      result.put("valid", false);
      result.put("violations", violations(e));
      Cli.print(spec, result);
      return ExitCode.NEGATIVE.code();
    }
  }

  private static List<Object> violations(InsValidationException e) {
    return ViolationsJson.of(e.violations());
  }

  /** Walks the published ANS test identity PAT-TROIS through the model. */
  static Map<String, Object> demo() {
    Map<String, Object> result = new LinkedHashMap<>();
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
    return result;
  }

  private static Map<String, Object> step(String name, String outcome, Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", name);
    m.put("outcome", outcome);
    m.put("data", new LinkedHashMap<>(data));
    return m;
  }
}
