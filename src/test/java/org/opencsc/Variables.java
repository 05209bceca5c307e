package org.opencsc;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the engine REST API's {@code variables} object: name → {value, type}. */
public final class Variables {

  private Variables() {
  }

  public static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("value", value);
      typed.put("type", value == null ? "Null" : value instanceof Boolean ? "Boolean"
          : value instanceof Integer ? "Integer" : value instanceof Long ? "Long" : "String");
      variables.put((String) namesAndValues[i], typed);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", variables);
    return body;
  }

  /**
   * Who took part in a meeting ({@code attendees}), as Tasklist's dynamic list sends it: a Json
   * variable of {name, role, agency}; each participant given as "name|role|agency".
   */
  public static Map<String, Object> participants(String... participants) {
    return Map.of("type", "Json", "value", participantsJson(participants));
  }

  /** The same list as JSON text. */
  public static String participantsJson(String... participants) {
    return java.util.Arrays.stream(participants).map(participant -> participant.split("\\|"))
        .map(p -> "{\"name\":\"" + p[0] + "\",\"role\":\"" + p[1] + "\",\"agency\":\"" + p[2] + "\"}")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
