package io.intuition.algo.trading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire params as plain values that a state file can hold: msgpack bin text becomes a string. */
final class Plain {
  private Plain() {}

  /** The params as a map with text keys; empty for null. */
  static Map<String, Object> params(Object wire) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (wire instanceof Map<?, ?> map) {
      map.forEach((key, value) -> params.put(String.valueOf(value(key)), value(value)));
    }
    return params;
  }

  private static Object value(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof List<?> list) {
      List<Object> values = new ArrayList<>(list.size());
      list.forEach(item -> values.add(value(item)));
      return values;
    }
    if (value instanceof Map<?, ?>) {
      return params(value);
    }
    return value;
  }
}
