package io.intuition.algo.strategy.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomConfigTest {
  private final RandomStrategyFactory factory = new RandomStrategyFactory();

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.2, 1})
  void threshold_inRange_isRead(double threshold) {
    assertThat(factory.config(Params.of(Map.of("threshold", threshold))).threshold())
        .isEqualTo(threshold);
  }

  @Test
  void threshold_asText_isRead() {
    assertThat(factory.config(Params.of(Map.of("threshold", "0.75"))).threshold()).isEqualTo(0.75);
  }

  @Test
  void threshold_missing_isOneHalf() {
    assertThat(factory.config(Params.of(Map.of())).threshold()).isEqualTo(0.5);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.01, 2})
  void threshold_outOfRange_isInvalidNamingTheValue(double threshold) {
    assertThatThrownBy(() -> factory.config(Params.of(Map.of("threshold", threshold))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("threshold must be between 0 and 1, but was " + threshold);
  }

  @Test
  void threshold_notANumber_isInvalidNamingTheValue() {
    assertThatThrownBy(() -> factory.config(Params.of(Map.of("threshold", "high"))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("threshold must be a number, but was \"high\"");
  }
}
