package dev.ins.interop.datamatrix;

import dev.ins.core.Violation;
import dev.ins.core.datamatrix.DataMatrixIns;
import java.util.List;
import java.util.Objects;

/**
 * What reading an image for a DataMatrix INS gave: a valid DataMatrix INS, no DataMatrix symbol at
 * all, or a symbol whose text is not a valid DataMatrix INS. These are outcomes, not errors.
 *
 * <pre>{@code
 * DataMatrixScan scan = DataMatrixInsSymbol.read(image);
 * if (scan instanceof DataMatrixScan.Found f) {
 *   Identity local = f.content().toIdentity();   // PROV, collected by DataMatrix: verify with INSi
 * } else if (scan instanceof DataMatrixScan.NotIns n) {
 *   n.violations();                               // a symbol, but not a valid DataMatrix INS
 * }
 * }</pre>
 */
public sealed interface DataMatrixScan {

  /**
   * A DataMatrix INS was decoded and passed ins-core's strict checks.
   *
   * @param payload the decoded text, header and GS separators included (patient data)
   * @param content the checked content
   */
  record Found(String payload, DataMatrixIns content) implements DataMatrixScan {
    /**
     * Rejects nulls.
     *
     * @param payload see the record component
     * @param content see the record component
     */
    public Found {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(content, "content");
    }

    /** Masked: the payload is patient data. */
    @Override
    public String toString() {
      return "Found[" + content + "]";
    }
  }

  /**
   * No DataMatrix symbol could be located and decoded in the image.
   *
   * @param reason why, for the operator (no patient data)
   */
  record NotFound(String reason) implements DataMatrixScan {
    /**
     * Rejects null.
     *
     * @param reason see the record component
     */
    public NotFound {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A DataMatrix symbol was decoded, but its text is not a valid DataMatrix INS.
   *
   * @param violations every rule the text breaks (field paths {@code datamatrix.*}; no patient data)
   */
  record NotIns(List<Violation> violations) implements DataMatrixScan {
    /**
     * Copies the list, which must not be empty.
     *
     * @param violations see the record component
     */
    public NotIns {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("at least one violation");
      }
    }
  }
}
