package dev.ins.phishing.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.phishing.Assessment;
import dev.ins.phishing.MailReadException;
import dev.ins.phishing.MailTriage;
import dev.ins.phishing.Reason;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scan --in DIR}: assesses every {@code *.eml} file directly in DIR, in parallel, and prints
 * one JSON object per file, in file-name order:
 * {@code {"file":"NAME.eml","verdict":"…","score":N,"reasons":[{"code":"…","message":"…"}]}}.
 *
 * <p>Exit 0 when every file was scanned, whatever the verdicts; 2 on a usage error; 3 when DIR is
 * not a readable directory or a file could not be read (the other files are still printed).
 */
@Command(name = "scan", description = "Assess every *.eml file of a directory; one JSON line per file.")
final class ScanCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "DIR", description = "The directory holding the .eml files.")
  Path in;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--authserv-id", paramLabel = "ID",
      description = "Trust only the Authentication-Results written by this server (repeatable).")
  List<String> authservIds = new ArrayList<>();

  @Option(names = "--practice-domain", paramLabel = "DOMAIN", description = "A domain of the practice (repeatable).")
  List<String> practiceDomains = new ArrayList<>();

  @Option(names = "--trusted-domain", paramLabel = "DOMAIN", description = "Another legitimate domain (repeatable).")
  List<String> trustedDomains = new ArrayList<>();

  /** Creates the command (picocli). */
  ScanCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1 || threads > 256) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "--threads: expected 1 to 256");
    }
    if (!Files.isDirectory(in)) {
      throw new CliFailure(ExitCode.INPUT, "DIR_NOT_FOUND", "--in: not a directory");
    }
    MailTriage.Builder builder;
    try {
      builder = builder();
    } catch (IllegalArgumentException e) {
      // The builder's messages name the field and the rule, never the value.
      throw new CliFailure(ExitCode.USAGE, "USAGE", e.getMessage().replaceFirst("^practiceDomain", "--practice-domain")
          .replaceFirst("^trustedDomain", "--trusted-domain").replaceFirst("^authservId", "--authserv-id"));
    }
    // Load the triage (Tika's table, ICU's data) while the directory is listed and the first files read.
    CompletableFuture<MailTriage> triage = CompletableFuture.supplyAsync(builder::build);
    List<Path> files = list();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ins-phishing-scan");
      t.setDaemon(true);
      return t;
    });
    int unreadable = 0;
    try {
      List<Future<Assessment>> results = new ArrayList<>(files.size());
      for (Path f : files) {
        results.add(pool.submit(() -> triage.join().assess(f)));
      }
      for (int i = 0; i < files.size(); i++) {
        String name = files.get(i).getFileName().toString();
        try {
          Cli.print(spec, line(name, results.get(i).get()));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
          if (cause instanceof MailReadException) {
            unreadable++;
            spec.commandLine().getErr().println("scan: cannot read " + name);
          } else {
            throw new CliFailure(ExitCode.INTERNAL, "INTERNAL", "unexpected failure (" + cause.getClass().getSimpleName() + ")", cause);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    spec.commandLine().getErr().flush();
    if (unreadable > 0) {
      throw new CliFailure(ExitCode.INPUT, "UNREADABLE_FILES", unreadable + " file(s) could not be read; the others were scanned");
    }
    return ExitCode.DONE.code();
  }

  private MailTriage.Builder builder() {
    MailTriage.Builder b = MailTriage.builder();
    authservIds.forEach(b::authservId);
    practiceDomains.forEach(b::practiceDomain);
    trustedDomains.forEach(b::trustedDomain);
    return b;
  }

  private List<Path> list() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(in)) {
      for (Path p : ds) {
        // Every *.eml entry is scanned: one that is not a readable file is reported, not skipped.
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "DIR_UNREADABLE", "--in: the directory cannot be listed", e);
    }
    files.sort(null);
    return files;
  }

  static Map<String, Object> line(String file, Assessment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("verdict", a.verdict().name());
    m.put("score", a.score());
    List<Object> reasons = new ArrayList<>(a.reasons().size());
    for (Reason r : a.reasons()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("code", r.code().name());
      rm.put("message", r.message());
      reasons.add(rm);
    }
    m.put("reasons", reasons);
    return m;
  }
}
