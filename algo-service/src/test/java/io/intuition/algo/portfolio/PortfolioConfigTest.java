package io.intuition.algo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortfolioConfigTest {

  @Test
  void startingCash_missing_isTenThousand() {
    assertThat(PortfolioConfig.from(Params.of(Map.of())).startingCash())
        .isEqualByComparingTo("10000");
  }

  @Test
  void cash_asTheBridgesSendIt_isTheStartingCash() {
    assertThat(PortfolioConfig.from(Params.of(Map.of("cash", 50_000))).startingCash())
        .isEqualByComparingTo("50000");
  }

  @Test
  void bothKeys_startingCashWins() {
    assertThat(
            PortfolioConfig.from(Params.of(Map.of("cash", 1, "starting_cash", "2.5")))
                .startingCash())
        .isEqualByComparingTo("2.5");
  }

  @Test
  void zero_isAllowed() {
    assertThat(PortfolioConfig.from(Params.of(Map.of("cash", 0))).startingCash()).isZero();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "cash, -1, 'cash must not be negative, but was -1'",
    "starting_cash, -0.5, 'starting_cash must not be negative, but was -0.5'",
    "cash, 1e400, 'cash must be 0 or between 0.01 and 1.7976931348623157E308, but was 1E+400'",
    "cash, 0.001, 'cash must be 0 or between 0.01 and 1.7976931348623157E308, but was 0.001'",
    "cash, abc, 'cash must be a number, but was \"abc\"'"
  })
  void badCash_isInvalidNamingKeyAndValue(String key, String value, String message) {
    assertThatThrownBy(() -> PortfolioConfig.from(Params.of(Map.of(key, value))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage(message);
  }
}
