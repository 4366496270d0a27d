package io.intuition.algo.strategy.smacross;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmaCrossConfigTest {
  private final SmaCrossFactory factory = new SmaCrossFactory();

  @Test
  void windows_missing_areFiveAndTwenty() {
    assertThat(factory.config(Params.of(Map.of()))).isEqualTo(new SmaCrossConfig(5, 20));
  }

  @Test
  void windows_given_areRead() {
    assertThat(factory.config(Params.of(Map.of("short", 3, "long", "8"))))
        .isEqualTo(new SmaCrossConfig(3, 8));
  }

  @Test
  void longestLongWindow_isAllowed() {
    assertThat(factory.config(Params.of(Map.of("long", 200))).longWindow()).isEqualTo(200);
  }

  @ParameterizedTest(name = "short {0}, long {1}")
  @CsvSource({
    "0, 20, 'short must be at least 1, but was 0'",
    "-3, 20, 'short must be at least 1, but was -3'",
    "5, 5, 'long must be more than short (5) and at most 200, but was 5'",
    "8, 3, 'long must be more than short (8) and at most 200, but was 3'",
    "5, 201, 'long must be more than short (5) and at most 200, but was 201'"
  })
  void windows_outOfRange_areInvalidNamingTheValue(
      int shortWindow, int longWindow, String message) {
    assertThatThrownBy(
            () -> factory.config(Params.of(Map.of("short", shortWindow, "long", longWindow))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage(message);
  }

  @Test
  void window_notWhole_isInvalidNamingTheValue() {
    assertThatThrownBy(() -> factory.config(Params.of(Map.of("short", 2.5))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("short must be a whole number, but was 2.5");
  }

  @Test
  void source_missing_isQuotes() {
    assertThat(factory.config(Params.of(Map.of())).source())
        .isEqualTo(SmaCrossConfig.Source.QUOTES);
  }

  @Test
  void source_indicators_isRead() {
    assertThat(factory.config(Params.of(Map.of("source", "indicators"))).source())
        .isEqualTo(SmaCrossConfig.Source.INDICATORS);
  }

  @Test
  void source_unknown_isInvalidNamingTheValue() {
    assertThatThrownBy(() -> factory.config(Params.of(Map.of("source", "feed"))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("source must be quotes or indicators, but was \"feed\"");
  }
}
