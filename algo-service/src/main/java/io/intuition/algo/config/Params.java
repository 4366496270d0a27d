package io.intuition.algo.config;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The wire params of {@code initialize}, read by each component in turn into its own typed config.
 *
 * <p>Every component asks for its keys with the typed getters, which take a default for a key that
 * is missing or null; once all have read theirs, {@link #requireAllRead()} refuses a key none of
 * them took, so a typo is an error instead of a silent default. Numbers may be integers,
 * floating-point or numeric text; text may be str or UTF-8 bin.
 */
public final class Params {
  private static final Function<String, InvalidParamsException> ERROR = InvalidParamsException::new;

  private final Map<String, Object> fields;
  private final Set<String> known = new TreeSet<>();

  private Params(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * Reads the params of an {@code initialize} call.
   *
   * @param wire the decoded params: an object, or null for all defaults
   * @throws InvalidParamsException if {@code wire} is not an object with text keys
   */
  public static Params of(Object wire) {
    if (wire == null) {
      return new Params(Map.of());
    }
    if (!(wire instanceof Map<?, ?> map)) {
      throw new InvalidParamsException(
          "params must be an object, but was " + Values.describe(wire));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          String name = Values.text(key);
          if (name == null) {
            throw new InvalidParamsException(
                "params keys must be strings, but was " + Values.describe(key));
          }
          fields.put(name, value);
        });
    return new Params(fields);
  }

  /** Whether the params give {@code key} a value that is not null; marks the key as known. */
  public boolean has(String key) {
    known.add(key);
    return fields.get(key) != null;
  }

  /**
   * The exact number at {@code key}, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not a finite number
   */
  public BigDecimal decimal(String key, BigDecimal fallback) {
    Object value = value(key);
    return value == null ? fallback : Values.decimal(key, value, ERROR);
  }

  /**
   * The number at {@code key} as a double, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not a finite number
   */
  public double number(String key, double fallback) {
    Object value = value(key);
    return value == null ? fallback : Values.decimal(key, value, ERROR).doubleValue();
  }

  /**
   * The whole number at {@code key}, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not an integer that fits in an int
   */
  public int integer(String key, int fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Values.decimal(key, value, ERROR).intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidParamsException(
          key + " must be a whole number, but was " + Values.describe(value));
    }
  }

  /**
   * The boolean at {@code key}, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not true or false
   */
  public boolean flag(String key, boolean fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw new InvalidParamsException(
          key + " must be true or false, but was " + Values.describe(value));
    }
    return flag;
  }

  /**
   * The text at {@code key}, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not text
   */
  public String text(String key, String fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    String text = Values.text(value);
    if (text == null) {
      throw new InvalidParamsException(
          key + " must be a string, but was " + Values.describe(value));
    }
    return text;
  }

  /**
   * The list of texts at {@code key}, or {@code fallback} when it has none.
   *
   * @throws InvalidParamsException if the value is not a list of non-empty texts
   */
  public List<String> texts(String key, List<String> fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> items)) {
      throw new InvalidParamsException(
          key + " must be a list of strings, but was " + Values.describe(value));
    }
    List<String> texts = new ArrayList<>(items.size());
    for (Object item : items) {
      String text = Values.text(item);
      if (text == null || text.isBlank()) {
        throw new InvalidParamsException(
            key + " must contain only non-empty strings, but had " + Values.describe(item));
      }
      texts.add(text);
    }
    return Collections.unmodifiableList(texts);
  }

  /**
   * Refuses the first key that no component asked for.
   *
   * @throws InvalidParamsException naming the key and the keys that are known
   */
  public void requireAllRead() {
    for (String key : fields.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidParamsException(
            "unknown parameter \""
                + Values.excerpt(key)
                + "\"; known: "
                + String.join(", ", known));
      }
    }
  }

  private Object value(String key) {
    known.add(key);
    return fields.get(key);
  }
}
