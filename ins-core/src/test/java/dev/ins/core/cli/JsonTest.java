package dev.ins.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void write_escapesStringsAndKeepsMapOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", "quote \" backslash \\ tab \t nl \n ctl \u0001 é");
    m.put("a", Arrays.asList(1, 2.5, true, null, List.of()));
    assertEquals("{\"b\":\"quote \\\" backslash \\\\ tab \\t nl \\n ctl \\u0001 é\",\"a\":[1,2.5,true,null,[]]}",
        Json.write(m));
  }
}
