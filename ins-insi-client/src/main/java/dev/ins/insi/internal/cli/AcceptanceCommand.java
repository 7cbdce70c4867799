package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Json;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.acceptance.AcceptanceReport;
import dev.ins.insi.acceptance.AcceptanceRun;
import dev.ins.insi.acceptance.AcceptanceScenarios;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code acceptance --out DIR [--reveal]}: runs the CNDA-like scenarios against an embedded stub INSi
 * server and writes the acceptance material; prints one JSON object. Exit 0 when every scenario
 * passed, 1 otherwise, 2 on a usage error.
 */
public final class AcceptanceCommand {

  private AcceptanceCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code acceptance}
   * @param out where the JSON goes
   * @return the exit code
   */
  public static int run(List<String> args, PrintStream out) {
    Path dir = null;
    boolean reveal = false;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--reveal")) {
        reveal = true;
      } else if (args.get(i).equals("--out") && i + 1 < args.size()) {
        dir = Path.of(args.get(++i));
      } else {
        out.println(Json.write(Map.of("error", "usage: acceptance --out DIR [--reveal]")));
        return 2;
      }
    }
    if (dir == null) {
      out.println(Json.write(Map.of("error", "usage: acceptance --out DIR [--reveal]")));
      return 2;
    }
    AcceptanceReport report;
    try (StubInsiServer stub = StubInsiServer.builder().start()) {
      HttpClientTransport transport = HttpClientTransport.builder()
          .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
          .trustedRoots(List.of(stub.pki().rootCertificate())).build();
      LpsSoftware sw = new LpsSoftware("TESTSGIE0000", "ins-sdk-acceptance", "0.1.0", UUID.randomUUID());
      report = AcceptanceRun.run(capture -> InsiClient.builder().environment(InsiEnvironment.STUB)
          .endpoint(stub.endpoint()).software(sw).emitter("10B0000000").transport(transport).interceptor(capture)
          .build(), AcceptanceScenarios.cndaLike(), dir, reveal);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("command", "acceptance");
    o.put("target", "embedded stub INSi server");
    o.put("passed", report.passed());
    List<Object> rows = new ArrayList<>();
    for (AcceptanceReport.Result r : report.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", r.scenario().id());
      m.put("expectedCr", r.scenario().expected().cr());
      m.put("obtainedCr", r.obtainedCr());
      m.put("result", r.pass() ? "PASS" : "FAIL");
      rows.add(m);
    }
    o.put("scenarios", rows);
    o.put("summary", dir.resolve("summary.md").toString());
    out.println(Json.write(o));
    return report.passed() ? 0 : 1;
  }
}
