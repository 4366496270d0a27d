package io.intuition.common.codec;

import io.intuition.common.log.Excerpt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads decoded wire values, where peers may send text as str or bin and numbers as integers,
 * floats or numeric text.
 */
public final class Values {
  private static final int EXCERPT_CHARS = 40;

  private Values() {}

  /** The text of a str or bin value, or {@code null} when the value is neither. */
  public static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof byte[] raw) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    return null;
  }

  /** A short excerpt of a value for error messages: text quoted, containers by kind. */
  public static String describe(Object value) {
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    String text = text(value);
    return text != null ? '"' + excerpt(text) + '"' : excerpt(String.valueOf(value));
  }

  /**
   * The exact value of a number sent as an integer, a float or numeric text.
   *
   * @param field the name used in error messages
   * @param error makes the exception to throw from its message
   * @throws RuntimeException from {@code error} when the value is not a finite number, with a
   *     message like {@code quote must be a number, but was "abc"}
   */
  public static BigDecimal decimal(
      String field, Object value, Function<String, ? extends RuntimeException> error) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      if (!Double.isFinite(((Number) value).doubleValue())) {
        throw error.apply(field + " must be finite, but was " + value);
      }
      // Float.toString keeps 3.45f as 3.45 rather than its binary expansion 3.4500000476...
      return new BigDecimal(value.toString());
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    String text = text(value);
    if (text == null) {
      throw error.apply(field + " must be a number, but was " + describe(value));
    }
    return parse(field, text, error);
  }

  private static BigDecimal parse(
      String field, String text, Function<String, ? extends RuntimeException> error) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      String rule = isNonFinite(text) ? " must be finite" : " must be a number";
      throw error.apply(field + rule + ", but was " + describe(text));
    }
  }

  private static boolean isNonFinite(String text) {
    try {
      return !Double.isFinite(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The text, cut to a length that fits in an error message, its control characters escaped. */
  public static String excerpt(String text) {
    return Excerpt.of(text, EXCERPT_CHARS);
  }
}
