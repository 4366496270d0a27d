package io.intuition.bench.report;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;

/** Formatted lines of the plain-text tables. */
final class Lines {
  private final PrintStream out;

  Lines(PrintStream out) {
    this.out = out;
  }

  void line(String pattern, Object... values) {
    out.println(String.format(Locale.ROOT, pattern, values));
  }

  void flush() {
    out.flush();
  }

  /** {@code 30}, {@code 0.5}: a number of seconds as given, without trailing zeros. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
