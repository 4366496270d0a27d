package io.intuition.console.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
  private final Indicators indicators = new Indicators(2);

  private static IndicatorView value(String topic, int value) {
    return new IndicatorView("GOOG", "sma", 5, BigDecimal.valueOf(value), 1, topic);
  }

  @Test
  void put_pastTheLimitOfTopics_isRefused_butATopicHeldIsUpdated() {
    assertThat(indicators.put(value("i/a", 1))).isTrue();
    assertThat(indicators.put(value("i/b", 1))).isTrue();

    assertThat(indicators.put(value("i/c", 1))).isFalse();
    assertThat(indicators.put(value("i/a", 2))).isTrue();
    assertThat(indicators.size()).isEqualTo(2);
  }

  @Test
  void drain_givesTheLatestValueOfEachTopicChanged_once() {
    indicators.put(value("i/a", 1));
    indicators.put(value("i/a", 2));

    assertThat(indicators.drain())
        .extracting(IndicatorView::value)
        .containsExactly(BigDecimal.valueOf(2));
    assertThat(indicators.drain()).isEmpty();
  }
}
