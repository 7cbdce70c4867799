package dev.ins.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PracticeConfigTest {
  private static PracticeException bad(String json) {
    return assertThrows(PracticeException.class, () -> PracticeConfig.parse(json.getBytes(StandardCharsets.UTF_8), Path.of("/cab")));
  }

  @Test
  void minimalConfig_resolvesPathsAgainstItsFolder() {
    PracticeConfig c = PracticeConfig.parse("{\"practice\":{\"name\":\"Cabinet\"},\"stateDir\":\"etat\"}".getBytes(StandardCharsets.UTF_8), Path.of("/cab"));
    assertEquals(Path.of("/cab/etat"), c.stateDir());
    assertTrue(c.backups().isEmpty() && c.audit().isEmpty() && c.keys().isEmpty());
  }

  @Test
  void errors_nameTheFieldAndTheRule() {
    assertEquals("config.practice.name", bad("{\"practice\":{},\"stateDir\":\"s\"}").field());
    assertEquals("config.colour", bad("{\"practice\":{\"name\":\"C\"},\"stateDir\":\"s\",\"colour\":1}").field());
    assertEquals("config.backups.destinations[0].kind", bad("{\"practice\":{\"name\":\"C\"},\"stateDir\":\"s\",\"backups\":{\"signer\":"
        + "\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\",\"offlineRecipient\":\"r\",\"destinations\":[{\"id\":\"a\",\"kind\":\"CLOUD\",\"path\":\"p\"}]}}").field());
    assertTrue(bad("{\"practice\":{\"name\":\"C\"},\"stateDir\":\"s\",\"backups\":{\"signer\":\"xx\",\"offlineRecipient\":\"r\","
        + "\"destinations\":[]}}").field().startsWith("config.backups"));
    assertEquals("config", bad("{\"practice\":").field());
    assertEquals("config", bad("{\"practice\":{\"name\":\"C\"},\"practice\":{\"name\":\"D\"},\"stateDir\":\"s\"}").field());
  }
}
