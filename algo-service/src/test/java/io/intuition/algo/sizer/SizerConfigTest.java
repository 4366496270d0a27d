package io.intuition.algo.sizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizerConfigTest {

  @Test
  void fixedFraction_missing_isOneTenth() {
    assertThat(new FixedFraction.Factory().config(Params.of(Map.of())).fraction())
        .isEqualByComparingTo("0.1");
  }

  @Test
  void fixedFraction_given_isRead() {
    assertThat(new FixedFraction.Factory().config(Params.of(Map.of("fraction", 1))).fraction())
        .isEqualByComparingTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.5", "1.5"})
  void fixedFraction_outOfRange_isInvalidNamingTheValue(String fraction) {
    assertThatThrownBy(
            () -> new FixedFraction.Factory().config(Params.of(Map.of("fraction", fraction))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("fraction must be above 0 and at most 1, but was " + fraction);
  }

  @Test
  void randomFraction_takesNoParams() {
    Params params = Params.of(Map.of("fraction", 0.5));

    new RandomFraction.Factory().config(params);

    assertThatThrownBy(params::requireAllRead)
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageStartingWith("unknown parameter \"fraction\"");
  }
}
