package io.intuition.indicator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndicatorJsonTest {

  @Test
  void write_value_isTheWireShapeInOrder() {
    IndicatorValue value =
        new IndicatorValue(
            "GOOG", IndicatorKind.SMA, 5, new BigDecimal("345.1200"), 1_700_000_000_000_000L);

    assertThat(new String(IndicatorJson.write(value), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"sid\":\"GOOG\",\"indicator\":\"sma\",\"window\":5,\"value\":345.12,"
                + "\"ts\":1700000000000000}");
  }

  @Test
  void write_sidNeedingEscapes_isValidJson() {
    IndicatorValue value = new IndicatorValue("A\"B\\", IndicatorKind.EMA, 12, BigDecimal.ONE, 1);

    assertThat(new String(IndicatorJson.write(value), StandardCharsets.UTF_8))
        .startsWith("{\"sid\":\"A\\\"B\\\\\",\"indicator\":\"ema\"");
  }

  @Test
  void plain_writesNoExponentNorTrailingZeros() {
    assertThat(IndicatorJson.plain(new BigDecimal("1E+1"))).isEqualTo("10");
    assertThat(IndicatorJson.plain(new BigDecimal("1.333333333333333")))
        .isEqualTo("1.333333333333333");
    assertThat(IndicatorJson.plain(new BigDecimal("0.000012300"))).isEqualTo("0.0000123");
  }

  @Test
  void topic_isPrefixSidIndicatorWindow() {
    IndicatorValue value = new IndicatorValue("GOOG", IndicatorKind.SMA, 20, BigDecimal.ONE, 1);

    assertThat(new IndicatorTopic("indicators").of(value)).isEqualTo("indicators/GOOG/sma/20");
    assertThat(new IndicatorTopic("lab/ind").of(value)).isEqualTo("lab/ind/GOOG/sma/20");
  }

  @Test
  void topicPrefix_withWildcardOrTrailingSlash_isRefused() {
    for (String prefix : new String[] {"", "a/#", "+", "indicators/"}) {
      assertThatThrownBy(() -> new IndicatorTopic(prefix))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--topic-prefix must be a topic name");
    }
  }
}
