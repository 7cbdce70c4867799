package dev.ins.insi.acceptance;

import java.util.List;

/**
 * The outcome of an acceptance run: one result per scenario, in order.
 *
 * <pre>{@code
 * AcceptanceReport r = AcceptanceRun.run(factory, AcceptanceScenarios.cndaLike(), dir);
 * r.passed(); // true when every scenario gave what it expected
 * }</pre>
 *
 * @param results the results
 */
public record AcceptanceReport(List<Result> results) {

  /**
   * One scenario's result.
   *
   * @param scenario the scenario
   * @param obtainedCr the CR obtained ({@code -} when no call was made, {@code fault:<code>} or
   *     {@code error:<type>} when the call failed)
   * @param attempts the number of INSi calls made
   * @param pass whether the outcome is the expected one
   * @param note a short explanation, without patient data
   */
  public record Result(AcceptanceScenario scenario, String obtainedCr, int attempts, boolean pass, String note) {}

  /**
   * Copies the results.
   *
   * @param results see the record component
   */
  public AcceptanceReport {
    results = List.copyOf(results);
  }

  /**
   * Tells whether every scenario passed.
   *
   * @return true when all passed
   */
  public boolean passed() {
    return results.stream().allMatch(Result::pass);
  }

  /**
   * Renders the summary table in Markdown: scenario, description, expected CR, obtained CR, attempts,
   * pass/fail, note.
   *
   * @return the table
   */
  public String markdown() {
    StringBuilder b = new StringBuilder("| Scenario | What it checks | Expected CR | Obtained CR | Calls | Result | Note |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      b.append("| ").append(r.scenario().id()).append(" | ").append(r.scenario().description()).append(" | ")
          .append(r.scenario().expected().cr()).append(" | ").append(r.obtainedCr()).append(" | ")
          .append(r.attempts()).append(" | ").append(r.pass() ? "PASS" : "FAIL").append(" | ").append(r.note())
          .append(" |\n");
    }
    return b.toString();
  }

  /**
   * Renders the summary as CSV with the header
   * {@code scenario,expected_cr,obtained_cr,calls,result}.
   *
   * @return the CSV text
   */
  public String csv() {
    StringBuilder b = new StringBuilder("scenario,expected_cr,obtained_cr,calls,result\n");
    for (Result r : results) {
      b.append(r.scenario().id()).append(',').append(r.scenario().expected().cr()).append(',').append(r.obtainedCr())
          .append(',').append(r.attempts()).append(',').append(r.pass() ? "PASS" : "FAIL").append('\n');
    }
    return b.toString();
  }
}
