package io.intuition.bridge.rpc;

import java.util.List;
import java.util.Random;

/**
 * JSON as text, written from a model that can say what a map cannot: the same key twice, a number
 * exactly as it is spelled, a string with its characters escaped or raw. Writing takes a seed that
 * decides white space and escapes, so one model gives many texts.
 */
final class JsonText {
  /** An object, its members in order, keys possibly repeated. */
  record Obj(List<Member> members) {}

  /** One member of an object. */
  record Member(String key, Object value) {}

  /** A number as spelled, valid JSON or not: {@code 1e400}, {@code -0}, {@code 01}, {@code NaN}. */
  record Num(String text) {}

  /** {@code true}, {@code false} and {@code null}. */
  enum Literal {
    TRUE,
    FALSE,
    NULL
  }

  private static final String[] SPACES = {" ", "\n", "\t", "\r\n", "  "};
  private final Random random;
  private final StringBuilder out = new StringBuilder();

  private JsonText(long seed) {
    random = new Random(seed);
  }

  /**
   * The text of {@code value}: an {@link Obj}, a list, a string, a {@link Num} or a {@link
   * Literal}, nested.
   */
  static String write(Object value, long seed) {
    JsonText text = new JsonText(seed);
    text.value(value);
    return text.out.toString();
  }

  private void value(Object value) {
    space();
    if (value instanceof Obj obj) {
      out.append('{');
      for (int i = 0; i < obj.members().size(); i++) {
        comma(i);
        string(obj.members().get(i).key());
        space();
        out.append(':');
        value(obj.members().get(i).value());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        comma(i);
        value(list.get(i));
      }
      out.append(']');
    } else if (value instanceof String string) {
      string(string);
    } else if (value instanceof Num number) {
      out.append(number.text());
    } else {
      out.append(((Literal) value).name().toLowerCase(java.util.Locale.ROOT));
    }
    space();
  }

  private void comma(int index) {
    if (index > 0) {
      out.append(',');
    }
  }

  /**
   * A string, each character raw or escaped; a control character raw (invalid) now and then, half a
   * surrogate pair always escaped, as UTF-8 cannot carry it raw.
   */
  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 && random.nextInt(20) > 0
          || isUnpaired(text, i)
          || random.nextInt(8) == 0) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static boolean isUnpaired(String text, int at) {
    char c = text.charAt(at);
    if (Character.isHighSurrogate(c)) {
      return at + 1 == text.length() || !Character.isLowSurrogate(text.charAt(at + 1));
    }
    return Character.isLowSurrogate(c)
        && (at == 0 || !Character.isHighSurrogate(text.charAt(at - 1)));
  }

  private void space() {
    if (random.nextInt(4) == 0) {
      out.append(SPACES[random.nextInt(SPACES.length)]);
    }
  }
}
