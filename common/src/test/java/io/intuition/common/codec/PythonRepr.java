package io.intuition.common.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a decoded msgpack value the way Python's {@code repr} shows it in the vectors. */
final class PythonRepr {
  private PythonRepr() {}

  /** Python quotes with ' unless the text holds a ' and no ". */
  private static String quoted(String text) {
    if (text.contains("'") && !text.contains("\"")) {
      return '"' + text + '"';
    }
    return "'" + text.replace("'", "\\'") + "'";
  }

  static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String text) {
      return quoted(text.replace("\\", "\\\\").replace("\n", "\\n"));
    }
    if (value instanceof byte[] raw) {
      return "b" + of(new String(raw, StandardCharsets.UTF_8));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> of(e.getKey()) + ": " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PythonRepr::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Boolean flag) {
      return flag ? "True" : "False";
    }
    return String.valueOf(value);
  }
}
