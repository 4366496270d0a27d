package io.intuition.common.log;

import java.nio.charset.StandardCharsets;

/**
 * Peer input made safe to show in a log line or an error message: cut to a short length, and every
 * control character (line breaks, ANSI escapes, bidirectional overrides) written as an escape, so
 * input can neither forge a log line nor drive a terminal.
 */
public final class Excerpt {
  /** How many characters of input an excerpt keeps by default. */
  public static final int DEFAULT_CHARS = 80;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Excerpt() {}

  /** The start of {@code text}, at most {@link #DEFAULT_CHARS} characters, escaped. */
  public static String of(String text) {
    return of(text, DEFAULT_CHARS);
  }

  /** The start of {@code text}, at most {@code maxChars} characters, escaped; "..." if cut. */
  public static String of(String text, int maxChars) {
    if (text == null) {
      return "null";
    }
    boolean cut = text.length() > maxChars;
    String kept = cut ? text.substring(0, cut(text, maxChars)) : text;
    return escape(kept) + (cut ? "..." : "");
  }

  /** The start of {@code bytes} read as UTF-8 (invalid bytes as U+FFFD), escaped. */
  public static String of(byte[] bytes, int maxChars) {
    // a character takes at most 4 bytes: decode no more than can show
    int length = (int) Math.min(bytes.length, maxChars * 4L + 4);
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    boolean cut = length < bytes.length || text.length() > maxChars;
    String kept = text.length() > maxChars ? text.substring(0, cut(text, maxChars)) : text;
    return escape(kept) + (cut ? "..." : "");
  }

  /** {@code text} whole, with every control character escaped. */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      appendEscape(out, c);
    }
    return out == null ? text : out.toString();
  }

  /** Whether {@code c} would change how a log line reads: C0, DEL, C1, line and bidi controls. */
  static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u200e' && c <= '\u200f')
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static void appendEscape(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
          out.append(HEX[(c >> shift) & 0xf]);
        }
      }
    }
  }

  /** Where to cut {@code text} near {@code maxChars} without splitting a surrogate pair. */
  private static int cut(String text, int maxChars) {
    return Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  }
}
