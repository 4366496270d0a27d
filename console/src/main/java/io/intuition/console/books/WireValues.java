package io.intuition.console.books;

import io.intuition.common.codec.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded msgpack values made fit for JSON: keys and byte strings as text, numbers as numbers (NaN
 * and infinities as null, which JSON cannot carry), maps and lists copied.
 */
final class WireValues {
  private WireValues() {}

  /** The map {@code value} as JSON values, or null if it is no map. */
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    map.forEach((key, each) -> json.put(Values.text(key), json(each)));
    return json;
  }

  static Object json(Object value) {
    if (value instanceof Map<?, ?>) {
      return map(value);
    }
    if (value instanceof List<?> list) {
      List<Object> json = new ArrayList<>(list.size());
      list.forEach(each -> json.add(json(each)));
      return json;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Double number && !Double.isFinite(number)) {
      return null;
    }
    if (value instanceof Float number && !Float.isFinite(number)) {
      return null;
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  /** The number {@code value} as a double, or null if it is none or not finite. */
  static Double number(Object value) {
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    return null;
  }
}
