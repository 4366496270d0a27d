package io.intuition.indicator.app;

import io.intuition.common.indicator.IndicatorKind;
import io.intuition.indicator.compute.IndicatorSpec;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code --sma} and {@code --ema}. */
final class Windows {
  private static final String NONE = "none";

  private Windows() {}

  /**
   * The indicators to compute: the simple averages, then the exponential ones, each window once.
   *
   * @throws IllegalArgumentException if a window is not a whole number in range, or there is none
   */
  static List<IndicatorSpec> specs(List<String> sma, List<String> ema) {
    List<IndicatorSpec> specs = new ArrayList<>();
    add(specs, IndicatorKind.SMA, sma);
    add(specs, IndicatorKind.EMA, ema);
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("at least one --sma or --ema window is needed");
    }
    return List.copyOf(specs);
  }

  private static void add(List<IndicatorSpec> specs, IndicatorKind kind, List<String> windows) {
    for (String text : windows == null ? List.<String>of() : windows) {
      String window = text.trim();
      if (window.isEmpty() || window.equals(NONE)) {
        continue;
      }
      IndicatorSpec spec;
      try {
        spec = new IndicatorSpec(kind, Integer.parseInt(window));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + kind.wireName() + " windows must be whole numbers, but was \"" + window + "\"");
      }
      if (!specs.contains(spec)) {
        specs.add(spec);
      }
    }
  }
}
