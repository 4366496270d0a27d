package io.intuition.indicator.compute;

import io.intuition.common.indicator.IndicatorValue;
import java.util.List;

/** What became of one quote. */
public sealed interface Outcome {
  /**
   * The quote was computed, or recognised as one computed before (delivered again): these values
   * are to be published, perhaps none while the windows fill.
   *
   * @param values the values, in the order of the specs
   */
  record Values(List<IndicatorValue> values) implements Outcome {
    /** Copies the values. */
    public Values {
      values = List.copyOf(values);
    }
  }

  /**
   * The quote was not computed, for a reason to log: a symbol that cannot be a topic segment, one
   * symbol too many, or a {@code ts} older than one computed and no longer remembered.
   *
   * @param reason why, naming the symbol
   */
  record Refused(String reason) implements Outcome {}
}
