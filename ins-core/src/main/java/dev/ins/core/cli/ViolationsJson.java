package dev.ins.core.cli;

import dev.ins.core.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of validation violations in the SDK's command lines: a list of
 * {@code {"field","code","index","detail"}} objects (no patient data: violations never hold any).
 *
 * <pre>{@code
 * result.put("violations", ViolationsJson.of(e.violations()));
 * }</pre>
 */
public final class ViolationsJson {

  private ViolationsJson() {}

  /**
   * Describes violations as maps for {@link Json#write(Object)}.
   *
   * @param violations the violations, in order
   * @return one map per violation, in order
   */
  public static List<Object> of(List<Violation> violations) {
    List<Object> out = new ArrayList<>();
    for (Violation v : violations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", v.field());
      m.put("code", v.code().name());
      m.put("index", v.index());
      m.put("detail", v.detail());
      out.add(m);
    }
    return out;
  }
}
