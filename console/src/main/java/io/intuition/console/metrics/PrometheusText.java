package io.intuition.console.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A reader of the few samples the console wants from the Prometheus text format: for each name
 * asked, the sum and the maximum of its value over every label set. Comments, other names and
 * malformed lines are skipped.
 */
public final class PrometheusText {
  private PrometheusText() {}

  /** What the samples of one name came to. */
  public record Sample(double sum, double max, int series) {
    Sample add(double value) {
      return new Sample(sum + value, Math.max(max, value), series + 1);
    }
  }

  /** The samples of {@code names} in {@code text}; a name absent from the text is absent here. */
  public static Map<String, Sample> read(String text, Set<String> names) {
    Map<String, Sample> found = new HashMap<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line(text.substring(start, end), names, found);
      start = end + 1;
    }
    return found;
  }

  private static void line(String line, Set<String> names, Map<String, Sample> found) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    int nameEnd = 0;
    while (nameEnd < trimmed.length() && nameChar(trimmed.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = trimmed.substring(0, nameEnd);
    if (!names.contains(name)) {
      return;
    }
    int valueStart = nameEnd;
    if (valueStart < trimmed.length() && trimmed.charAt(valueStart) == '{') {
      valueStart = labelsEnd(trimmed, valueStart);
      if (valueStart < 0) {
        return;
      }
    }
    Double value = value(trimmed.substring(valueStart).strip());
    if (value != null) {
      found.merge(name, new Sample(value, value, 1), (had, one) -> had.add(one.sum()));
    }
  }

  /** The index after the closing brace of the labels opened at {@code open}, or -1. */
  private static int labelsEnd(String line, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '}') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The value, before an optional timestamp; null if malformed or not finite. */
  private static Double value(String rest) {
    int space = rest.indexOf(' ');
    String number = space < 0 ? rest : rest.substring(0, space);
    try {
      double value = Double.parseDouble(number);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean nameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == ':';
  }
}
