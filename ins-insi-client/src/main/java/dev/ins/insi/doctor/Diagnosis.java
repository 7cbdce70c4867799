package dev.ins.insi.doctor;

import java.util.List;

/**
 * What the certificate doctor found: every finding, in check order.
 *
 * <pre>{@code
 * Diagnosis d = doctor.examinePkcs12(path, password);
 * if (!d.ok()) d.errors().forEach(f -> System.out.println(f.message()));
 * }</pre>
 *
 * @param findings every finding, errors and warnings and information
 */
public record Diagnosis(List<Finding> findings) {

  /**
   * Copies the findings.
   *
   * @param findings see the record component
   */
  public Diagnosis {
    findings = List.copyOf(findings);
  }

  /**
   * Tells whether INSi should accept the credential (no error).
   *
   * @return true when there is no {@link Finding.Severity#ERROR}
   */
  public boolean ok() {
    return errors().isEmpty();
  }

  /**
   * Returns the errors.
   *
   * @return the findings of severity ERROR
   */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
  }

  /**
   * Tells whether a check produced an error.
   *
   * @param check the check
   * @return true when that check has an ERROR finding
   */
  public boolean failed(Finding.Check check) {
    return errors().stream().anyMatch(f -> f.check() == check);
  }
}
