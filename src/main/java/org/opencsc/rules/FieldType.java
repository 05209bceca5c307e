package org.opencsc.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.opencsc.calendar.LondonTime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The kinds of value a rule can require; each knows how to say what is wrong with a value. */
public abstract class FieldType {

  /**
   * The most the engine keeps in a text variable: Camunda stores a string in a 4,000-character
   * column (ACT_RU_VARIABLE.TEXT_ and its history) on every database we support. The cap was
   * 20,000 before, and an answer of 4,001 to 20,000 characters passed the rules, then failed in
   * the database with a 500 and lost the practitioner's work.
   */
  public static final int MAX_TEXT_LENGTH = 4_000;

  public static final FieldType BOOLEAN = new FieldType("true or false") {
    @Override
    public Optional<String> problemWith(Object value) {
      return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
    }
  };

  public static final FieldType TEXT = new FieldType("text") {
    @Override
    public Optional<String> problemWith(Object value) {
      if (!(value instanceof String text)) {
        return Optional.of("must be text");
      }
      if (text.length() > MAX_TEXT_LENGTH) {
        return Optional.of("must be at most " + MAX_TEXT_LENGTH + " characters");
      }
      return markupIn(text);
    }

    @Override
    boolean isBlank(Object value) {
      return value instanceof String text && text.isBlank();
    }
  };

  /**
   * Markup that a browser would run or load: a tag such as {@code <script>}, {@code <img>} or
   * {@code <a>}, an event handler inside a tag, or a {@code javascript:} address. Records are
   * plain text; every screen escapes what it shows, and refusing markup at the door keeps it out
   * of exports and of anything that might not. Plain uses of {@code <} (such as "under 5s <
   * 10 minutes" or {@code <a.jones@example.org>}) are accepted: a browser's tag name ends only at
   * a space, a slash or {@code >}.
   */
  private static final Pattern MARKUP = Pattern.compile("(?i)<\\s*/?\\s*(?:script|iframe|frame|frameset|img|image|svg"
      + "|math|object|embed|applet|style|link|meta|base|a|body|html|head|form|input|button|textarea|select|option"
      + "|video|audio|source|track|details|marquee|template|xml)(?=[\\s/>]|$)|<[a-z][^>]*[\\s/\"']on[a-z]+\\s*=|javascript\\s*:|vbscript\\s*:");

  static Optional<String> markupIn(String text) {
    return MARKUP.matcher(text).find()
        ? Optional.of("must be plain text, without HTML or script markup such as <script>")
        : Optional.empty();
  }

  /** Text made by joining a prefix to an answer, cut to what a text field may hold. */
  public static String capped(String text) {
    return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
  }

  /** A name or short reference: one line, at most {@value #MAX_LINE_LENGTH} characters. */
  public static final int MAX_LINE_LENGTH = 200;

  public static final FieldType LINE = new FieldType("a line of text") {
    @Override
    public Optional<String> problemWith(Object value) {
      if (!(value instanceof String text)) {
        return Optional.of("must be text");
      }
      if (text.length() > MAX_LINE_LENGTH || text.contains("\n") || text.contains("\r")) {
        return Optional.of("must be one line of at most " + MAX_LINE_LENGTH + " characters");
      }
      return markupIn(text);
    }

    @Override
    boolean isBlank(Object value) {
      return value instanceof String text && text.isBlank();
    }
  };

  /** A whole number; a form may send 28.0 for 28, which is accepted. */
  public static final FieldType INTEGER = new FieldType("a whole number") {
    @Override
    public Optional<String> problemWith(Object value) {
      // What a case table's integer column can hold: a Long beyond it would be stored wrapped.
      if (value instanceof Integer || value instanceof Short
          || value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        return Optional.empty();
      }
      if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
          && Math.abs(number.doubleValue()) < Integer.MAX_VALUE) {
        return Optional.empty();
      }
      return Optional.of("must be a whole number");
    }
  };

  public static final FieldType DATE = new FieldType("a date") {
    @Override
    public Optional<String> problemWith(Object value) {
      return unlessParses(value, LondonTime::parseDate);
    }
  };

  public static final FieldType DATE_TIME = new FieldType("a date-time") {
    @Override
    public Optional<String> problemWith(Object value) {
      return unlessParses(value, LondonTime::parseDateTime);
    }
  };

  /** One of a fixed list of codes, as the contract spells them. */
  public static FieldType oneOf(String... codes) {
    List<String> allowed = List.of(codes);
    String description = "one of " + String.join(", ", allowed);
    return new FieldType(description) {
      @Override
      public Optional<String> problemWith(Object value) {
        return allowed.contains(value) ? Optional.empty() : Optional.of("must be " + description);
      }

      @Override
      public List<String> codes() {
        return allowed;
      }
    };
  }

  /**
   * A list of records, each with exactly these fields, all given and each of its type: JSON
   * {@code [{"name": …, "agency": …}]}, sent as a Json variable (a form's dynamic list), as text
   * holding that JSON, or as a Java list of maps. At most {@value #MAX_RECORDS} records.
   */
  public static FieldType records(Map<String, FieldType> recordFields) {
    Map<String, FieldType> fields = new LinkedHashMap<>(recordFields); // in the caller's order, kept
    String description = "a list of {" + String.join(", ", fields.keySet()) + "}";
    return new FieldType(description) {
      @Override
      public Optional<String> problemWith(Object value) {
        List<Map<String, Object>> records;
        try {
          records = recordsIn(value);
        } catch (IllegalArgumentException e) {
          return Optional.of("must be " + description + " (JSON)");
        }
        if (records.isEmpty()) {
          return Optional.of("must name at least one");
        }
        if (records.size() > MAX_RECORDS) {
          return Optional.of("must have at most " + MAX_RECORDS + " entries");
        }
        for (int i = 0; i < records.size(); i++) {
          Map<String, Object> record = records.get(i);
          for (String key : record.keySet()) {
            if (!fields.containsKey(key)) {
              return Optional.of("entry " + (i + 1) + ": " + key + " is not one of " + String.join(", ", fields.keySet()));
            }
          }
          for (Map.Entry<String, FieldType> field : fields.entrySet()) {
            Object item = record.get(field.getKey());
            if (item == null || field.getValue().isBlank(item)) {
              return Optional.of("entry " + (i + 1) + ": " + field.getKey() + " is required");
            }
            Optional<String> problem = field.getValue().problemWith(item);
            if (problem.isPresent()) {
              return Optional.of("entry " + (i + 1) + ": " + field.getKey() + " " + problem.get());
            }
          }
        }
        return Optional.empty();
      }

      @Override
      boolean isBlank(Object value) {
        return value instanceof String text && text.isBlank();
      }

      @Override
      public boolean isList() {
        return true;
      }
    };
  }

  /** The most records one list answer may hold. */
  public static final int MAX_RECORDS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The records in a list answer; anything that is not a JSON array of objects is refused with
   * IllegalArgumentException. A Json variable reads as its JSON text.
   */
  static List<Map<String, Object>> recordsIn(Object value) {
    JsonNode node;
    try {
      node = value instanceof List<?> list ? JSON.valueToTree(list) : JSON.readTree(String.valueOf(value));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("not a JSON array");
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      records.add(JSON.convertValue(item, new TypeReference<Map<String, Object>>() { }));
    }
    return records;
  }

  private final String description;

  /** A Date variable (REST type "Date") is accepted as it is; text must parse. */
  private static Optional<String> unlessParses(Object value, Consumer<String> parser) {
    if (value instanceof Date) {
      return Optional.empty();
    }
    try {
      parser.accept(String.valueOf(value));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private FieldType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Why this (present, non-null) value is not of this type, if it is not. */
  public abstract Optional<String> problemWith(Object value);

  /** The codes a choice may take, as a form's options must offer them; empty for other types. */
  public List<String> codes() {
    return List.of();
  }

  /** Whether answers of this type are lists (sent by a form as Json). */
  public boolean isList() {
    return false;
  }

  /** Whether a present value still counts as "not given" (empty text from a form). */
  boolean isBlank(Object value) {
    return false;
  }
}
