package io.intuition.common.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

  @Test
  void parse_wireMessage_readsEveryField() {
    IndicatorValue value =
        IndicatorValue.parse(
            Map.of("sid", "GOOG", "indicator", "sma", "window", 5, "value", 345.12, "ts", 1_700L));

    assertThat(value)
        .isEqualTo(
            new IndicatorValue("GOOG", IndicatorKind.SMA, 5, new BigDecimal("345.12"), 1_700));
  }

  @Test
  void parse_binaryText_isRead() {
    IndicatorValue value =
        IndicatorValue.parse(
            Map.of(
                "sid".getBytes(StandardCharsets.UTF_8),
                "AAPL".getBytes(StandardCharsets.UTF_8),
                "indicator",
                "ema".getBytes(StandardCharsets.UTF_8),
                "window",
                12,
                "value",
                "1.5",
                "ts",
                3));

    assertThat(value.sid()).isEqualTo("AAPL");
    assertThat(value.kind()).isEqualTo(IndicatorKind.EMA);
  }

  @Test
  void parse_unknownIndicator_isInvalidNamingIt() {
    assertThatThrownBy(
            () ->
                IndicatorValue.parse(
                    Map.of("sid", "G", "indicator", "rsi", "window", 5, "value", 1, "ts", 1)))
        .isInstanceOf(InvalidIndicatorException.class)
        .hasMessage("indicator must be sma or ema, but was \"rsi\"");
  }

  @Test
  void parse_missingTs_isInvalid() {
    assertThatThrownBy(
            () ->
                IndicatorValue.parse(
                    Map.of("sid", "G", "indicator", "sma", "window", 5, "value", 1)))
        .isInstanceOf(InvalidIndicatorException.class)
        .hasMessage("ts is missing");
  }

  @Test
  void parse_fractionalWindow_isInvalid() {
    assertThatThrownBy(
            () ->
                IndicatorValue.parse(
                    Map.of("sid", "G", "indicator", "sma", "window", 2.5, "value", 1, "ts", 1)))
        .isInstanceOf(InvalidIndicatorException.class)
        .hasMessage("window must be a whole number, but was 2.5");
  }

  @Test
  void isIndicator_tellsIndicatorsFromQuotes() {
    assertThat(IndicatorValue.isIndicator(Map.of("sid", "G", "indicator", "sma"))).isTrue();
    assertThat(IndicatorValue.isIndicator(Map.of("sid", "G", "quote", 3.4))).isFalse();
    assertThat(IndicatorValue.isIndicator(Map.of("GOOG", 3.4))).isFalse();
    assertThat(IndicatorValue.isIndicator("text")).isFalse();
  }

  @Test
  void topic_isPrefixSidIndicatorAndWindow() {
    IndicatorValue value = new IndicatorValue("GOOG", IndicatorKind.EMA, 12, BigDecimal.ONE, 1);

    assertThat(value.topic("indicators")).isEqualTo("indicators/GOOG/ema/12");
  }
}
