package io.intuition.bridge.rpc;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * Values read from JSON or from msgpack in one form, to compare what the bridge forwards with what
 * it received: integers of every width as {@link BigInteger}, floats as {@link Double}.
 */
public final class JsonValues {
  /** Shows strings with every character outside printable ASCII escaped, surrogates included. */
  private static final Representation ESCAPED =
      new StandardRepresentation() {
        @Override
        protected String toStringOf(String text) {
          StringBuilder out = new StringBuilder("\"");
          text.chars()
              .forEach(
                  c ->
                      out.append(
                          c >= 0x20 && c < 0x7f
                              ? String.valueOf((char) c)
                              : String.format("\\u%04x", c)));
          return out.append('"').toString();
        }
      };

  private JsonValues() {}

  /**
   * {@code value} as text in which every character is printable ASCII, so that a report shows half
   * a surrogate pair or a NUL rather than losing the rest of its line to them.
   */
  public static String escaped(Object value) {
    return ESCAPED.toStringOf(value);
  }

  /** {@code value} with its numbers widened; maps keep their order, lists are copied. */
  public static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, canonical(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JsonValues::canonical).toList();
    }
    if (value instanceof Integer || value instanceof Long) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    return value;
  }
}
