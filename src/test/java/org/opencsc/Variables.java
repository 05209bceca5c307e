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
}
