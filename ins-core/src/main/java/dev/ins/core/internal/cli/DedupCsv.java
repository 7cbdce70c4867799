package dev.ins.core.internal.cli;

import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.internal.matching.IdSet;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

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
      private final IdSet ids = new IdSet();
      private final ArrayDeque<Parsed> batch = new ArrayDeque<>();
      private final ArrayDeque<ForkJoinTask<List<Parsed>>> pending = new ArrayDeque<>();
      private DedupRecord next;
      private boolean lexedAll;
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

      /**
       * Keeps up to {@link #AHEAD} batches lexed (on this thread, in file order) and parsing on the
       * common pool, then takes the oldest: lexing the next batches overlaps parsing the current ones.
       */
      private void fill() {
        while (pending.size() < AHEAD && !lexedAll) {
          List<Parsed> rows = lexBatch();
          pending.add(ForkJoinPool.commonPool().submit(() -> {
            for (Parsed p : rows) {
              p.parse();
            }
            return rows;
          }));
        }
        ForkJoinTask<List<Parsed>> oldest = pending.poll();
        if (oldest == null) {
          eof = true;
          return;
        }
        batch.addAll(oldest.join());
      }

      private List<Parsed> lexBatch() {
        List<Parsed> rows = new ArrayList<>(BATCH);
        while (rows.size() < BATCH) {
          long line = lx.line;
          List<String> f = lx.row();
          if (f == null) {
            lexedAll = true;
            break;
          }
          if (f.size() == 1 && f.get(0).isEmpty()) {
            continue; // blank line
          }
          rows.add(new Parsed(line, f, lx.unterminatedQuote));
        }
        return rows;
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
  /** Batches lexed ahead of the consumer while earlier ones are parsed. */
  private static final int AHEAD = 4;

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
      out.write(p.scoreText());
      out.write(',');
      out.write(p.kind().name());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The score with four decimals, as {@link CandidatePair#scoreText()} (tests use it on bare numbers). */
  static String score(double score) {
    return new CandidatePair("a", "b", score, dev.ins.core.matching.PairKind.DUPLICATE, java.util.Set.of()).scoreText();
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * RFC 4180 lexer with line counting, over a private char buffer: an unquoted field that lies in
   * the buffer becomes a String in one copy; quoted fields and fields that cross a refill go through
   * a reused builder. Semantics: a quote opens a quoted field only at the start of a field; inside,
   * a doubled quote is one quote and line breaks are data; after the closing quote, characters up to
   * the delimiter are appended as they are; a quote inside an unquoted field is data. {@code \r\n},
   * {@code \n} and a lone {@code \r} end a row.
   */
  static final class Lexer {
    private final Reader in;
    private final char[] buf;
    private final StringBuilder slow = new StringBuilder();
    private int pos;
    private int lim;
    private boolean eof;
    long line = 1;
    boolean unterminatedQuote;

    Lexer(Reader in) {
      this(in, 1 << 16);
    }

    /** A lexer with a given buffer size (tests use tiny ones to cross refills everywhere). */
    Lexer(Reader in, int bufferSize) {
      this.in = in;
      this.buf = new char[bufferSize];
    }

    /** Refills the buffer once it is consumed; false at the end of input. */
    private boolean fill() {
      if (eof) {
        return false;
      }
      try {
        int n;
        do {
          n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
          eof = true;
          return false;
        }
        pos = 0;
        lim = n;
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The next row's fields, or null at end of input. */
    List<String> row() {
      unterminatedQuote = false;
      if (pos >= lim && !fill()) {
        return null;
      }
      List<String> fields = new ArrayList<>(8);
      while (field(fields) == ',') {
        // next field of the same row
      }
      return fields;
    }

    /** Reads one field into {@code fields}; returns its terminator: ',', '\n' (row end) or -1. */
    private int field(List<String> fields) {
      if (pos < lim && buf[pos] != '"') {
        int start = pos;
        for (int i = pos; i < lim; i++) {
          char c = buf[i];
          if (c == ',' || c == '\n' || c == '\r') {
            fields.add(new String(buf, start, i - start));
            pos = i + 1;
            return terminator(c);
          }
        }
        slow.setLength(0);
        slow.append(buf, start, lim - start);
        pos = lim;
        return rest(fields);
      }
      slow.setLength(0);
      if (pos >= lim && !fill()) {
        fields.add("");
        return -1;
      }
      if (buf[pos] == '"') {
        pos++;
        while (true) {
          if (pos >= lim && !fill()) {
            unterminatedQuote = true;
            fields.add(slow.toString());
            return -1;
          }
          char c = buf[pos++];
          if (c != '"') {
            if (c == '\n') {
              line++;
            }
            slow.append(c);
          } else if ((pos < lim || fill()) && buf[pos] == '"') {
            slow.append('"');
            pos++;
          } else {
            break;
          }
        }
      }
      return rest(fields);
    }

    /** The unquoted rest of a field, appended to the builder up to its terminator. */
    private int rest(List<String> fields) {
      while (true) {
        if (pos >= lim && !fill()) {
          fields.add(slow.toString());
          return -1;
        }
        char c = buf[pos++];
        if (c == ',' || c == '\n' || c == '\r') {
          fields.add(slow.toString());
          return terminator(c);
        }
        slow.append(c);
      }
    }

    /** Consumes the '\n' of a "\r\n" pair and counts the line; returns ',' or '\n'. */
    private int terminator(char c) {
      if (c == ',') {
        return ',';
      }
      if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
        pos++;
      }
      line++;
      return '\n';
    }
  }
}
