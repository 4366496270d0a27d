package io.intuition.indicator.publish;

import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;

/**
 * Where each value is published: {@code <prefix>/<sid>/<indicator>/<window>}, such as {@code
 * indicators/GOOG/sma/5}, so that a subscriber picks the symbols and indicators it wants with
 * {@code +} wildcards.
 */
public final class IndicatorTopic {
  private final String prefix;

  /**
   * Topics under {@code prefix}.
   *
   * @throws IllegalArgumentException if the prefix is empty, contains a wildcard, or ends with
   *     {@code /}
   */
  public IndicatorTopic(String prefix) {
    if (prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "--topic-prefix must be a topic name without wildcards nor a trailing /, but was \""
              + prefix
              + "\"");
    }
    this.prefix = prefix;
  }

  /** The topic of {@code value}. */
  public String of(IndicatorValue value) {
    return value.topic(prefix);
  }

  /**
   * The filter of every symbol's values of one indicator: {@code <prefix>/+/<indicator>/<window>}.
   */
  public String filter(IndicatorKind kind, int window) {
    return prefix + "/+/" + kind.wireName() + "/" + window;
  }

  @Override
  public String toString() {
    return prefix + "/<sid>/<indicator>/<window>";
  }
}
