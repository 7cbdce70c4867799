package dev.ins.core.internal.cli;

import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The CSV contract of the {@code dedup} command: RFC 4180 fields (quotes, doubled quotes, commas
 * and line breaks inside quotes), the exact input header, and the output format.
 */
public final class DedupCsv {

  /** The required input header. */
  public static final String INPUT_HEADER = "id,birth_name,first_names,birth_date,sex,birthplace,matricule,used_name";
  /** The output header. */
  public static final String OUTPUT_HEADER = "id_a,id_b,score,kind";

  private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
      "id", "id", "birthName", "birth_name", "firstNames", "first_names", "birthDate", "birth_date",
      "sex", "sex", "birthplace", "birthplace", "matricule", "matricule", "usedName", "used_name");

  private DedupCsv() {}

  /** Receives a row that cannot be read: its line number and a message without patient data. */
  @FunctionalInterface
  public interface RowErrors {
    /**
     * Reports a skipped row.
     *
     * @param line the 1-based line number where the row starts
     * @param message what is wrong, naming the column and the rule
     */
    void skipped(long line, String message);
  }

  /** Thrown when the file itself is unusable (bad header), as opposed to one bad row. */
  public static final class BadFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public BadFileException(String message) {
      super(message);
    }
  }

  /**
   * Reads records lazily; bad rows go to {@code errors} and are skipped.
   *
   * @param in the UTF-8 text
   * @param errors the sink of skipped rows
   * @return the records, in file order
   * @throws BadFileException when the header is missing or wrong
   */
  public static Iterator<DedupRecord> read(Reader in, RowErrors errors) {
    Lexer lx = new Lexer(in);
    List<String> header = lx.row();
    if (header == null) {
      throw new BadFileException("empty input: expected the header " + INPUT_HEADER);
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    if (!String.join(",", header).equals(INPUT_HEADER)) {
      throw new BadFileException("line 1: expected the header " + INPUT_HEADER);
    }
    return new Iterator<>() {
      private final Set<String> ids = new HashSet<>();
      private final ArrayDeque<Parsed> batch = new ArrayDeque<>();
      private DedupRecord next;
      private boolean eof;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (batch.isEmpty()) {
            if (eof) {
              return false;
            }
            fill();
            continue;
          }
          Parsed p = batch.poll();
          if (p.error != null) {
            errors.skipped(p.line, p.error);
          } else if (!ids.add(p.record.id())) {
            errors.skipped(p.line, "id: duplicate id " + p.record.id() + " (first occurrence kept)");
          } else {
            next = p.record;
          }
        }
        return true;
      }

      /** Lexes a batch of rows in order, then parses them in parallel; results keep file order. */
      private void fill() {
        List<Parsed> rows = new ArrayList<>(BATCH);
        while (rows.size() < BATCH) {
          long line = lx.line;
          List<String> f = lx.row();
          if (f == null) {
            eof = true;
            break;
          }
          if (f.size() == 1 && f.get(0).isEmpty()) {
            continue; // blank line
          }
          rows.add(new Parsed(line, f, lx.unterminatedQuote));
        }
        rows.parallelStream().forEach(Parsed::parse);
        batch.addAll(rows);
      }

      @Override
      public DedupRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DedupRecord r = next;
        next = null;
        return r;
      }
    };
  }

  private static final int BATCH = 4096;

  /** One row: its fields, then its record or the reason it was skipped. */
  private static final class Parsed {
    final long line;
    final List<String> fields;
    final boolean unterminated;
    DedupRecord record;
    String error;

    Parsed(long line, List<String> fields, boolean unterminated) {
      this.line = line;
      this.fields = fields;
      this.unterminated = unterminated;
    }

    void parse() {
      List<String> f = fields;
      if (unterminated) {
        error = "unterminated quoted field";
      } else if (f.size() != 8) {
        error = "expected 8 fields, got " + f.size();
      } else {
        try {
          record = DedupRecord.typed(f.get(0).strip(), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
              f.get(7));
        } catch (InsValidationException e) {
          error = describe(e);
        }
      }
    }
  }

  /** Names each broken rule by column; violation details never quote the value. */
  static String describe(InsValidationException e) {
    List<String> parts = new ArrayList<>();
    for (Violation v : e.violations()) {
      String col = COLUMN_OF_FIELD.getOrDefault(v.field(), v.field());
      parts.add(col + ": " + v.detail() + " [" + v.code() + "]" + (v.index() >= 0 ? " at index " + v.index() : ""));
    }
    return String.join("; ", parts);
  }

  /**
   * Writes one output line.
   *
   * @param out the writer
   * @param p the pair
   * @throws UncheckedIOException on write failure
   */
  public static void write(Writer out, CandidatePair p) {
    try {
      out.write(quote(p.idA()));
      out.write(',');
      out.write(quote(p.idB()));
      out.write(',');
      out.write(String.format(Locale.ROOT, "%.4f", p.score()));
      out.write(',');
      out.write(p.kind().name());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** RFC 4180 lexer with line counting. */
  static final class Lexer {
    private final Reader in;
    long line = 1;
    boolean unterminatedQuote;
    private int pushed = -2;

    Lexer(Reader in) {
      this.in = in;
    }

    private int read() {
      if (pushed != -2) {
        int c = pushed;
        pushed = -2;
        return c;
      }
      try {
        return in.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The next row's fields, or null at end of input. */
    List<String> row() {
      unterminatedQuote = false;
      int c = read();
      if (c < 0) {
        return null;
      }
      List<String> fields = new ArrayList<>(8);
      StringBuilder b = new StringBuilder();
      boolean quoted = false;
      boolean fieldStart = true;
      while (true) {
        if (c < 0) {
          if (quoted) {
            unterminatedQuote = true;
          }
          fields.add(b.toString());
          return fields;
        }
        if (quoted) {
          if (c == '"') {
            int d = read();
            if (d == '"') {
              b.append('"');
            } else {
              quoted = false;
              pushed = d;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            b.append((char) c);
          }
        } else if (c == '"' && fieldStart) {
          quoted = true;
          fieldStart = false;
        } else if (c == ',') {
          fields.add(b.toString());
          b.setLength(0);
          fieldStart = true;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              pushed = d;
            }
          }
          line++;
          fields.add(b.toString());
          return fields;
        } else {
          b.append((char) c);
          fieldStart = false;
        }
        c = read();
      }
    }
  }
}
