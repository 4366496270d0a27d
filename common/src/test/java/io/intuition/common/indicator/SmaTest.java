package io.intuition.common.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmaTest {

  @Test
  void add_windowNotFull_hasNoValue() {
    Sma sma = new Sma(3);
    sma.add(new BigDecimal("1"));
    sma.add(new BigDecimal("2"));

    assertThat(sma.isFull()).isFalse();
    assertThatThrownBy(sma::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sma 3 has no value before its window is full");
  }

  @Test
  void add_pastTheWindow_averagesTheLastPrices() {
    Sma sma = new Sma(3);
    List<BigDecimal> values = new ArrayList<>();

    for (String price : new String[] {"1", "2", "3", "4", "10.5"}) {
      sma.add(new BigDecimal(price));
      if (sma.isFull()) {
        values.add(sma.value());
      }
    }

    assertThat(values)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("5.833333333333333"));
  }

  @Test
  void value_nonTerminating_isRoundedToSixteenDigits() {
    Sma sma = new Sma(3);
    sma.add(BigDecimal.ONE);
    sma.add(BigDecimal.ONE);
    sma.add(BigDecimal.valueOf(2));

    assertThat(sma.value()).isEqualTo(new BigDecimal("1.333333333333333"));
  }

  @Test
  void sum_isExact() {
    Sma sma = new Sma(2);
    sma.add(new BigDecimal("0.1"));
    sma.add(new BigDecimal("0.2"));
    sma.add(new BigDecimal("0.30000000000000000001"));

    assertThat(sma.sum()).isEqualTo(new BigDecimal("0.50000000000000000001"));
  }

  @Test
  void longSeries_holdsOnlyItsWindow() {
    Sma sma = new Sma(4);

    for (int i = 1; i <= 100_000; i++) {
      sma.add(BigDecimal.valueOf(i));
    }

    assertThat(sma.prices())
        .containsExactly(
            BigDecimal.valueOf(99_997),
            BigDecimal.valueOf(99_998),
            BigDecimal.valueOf(99_999),
            BigDecimal.valueOf(100_000));
    assertThat(sma.sum()).isEqualTo(BigDecimal.valueOf(399_994));
    assertThat(sma.value()).isEqualByComparingTo("99998.5");
  }

  @Test
  void windowOfOne_isThePrice() {
    Sma sma = new Sma(1);
    sma.add(new BigDecimal("345.12"));

    assertThat(sma.value()).isEqualByComparingTo("345.12");
  }

  @Test
  void window_belowOne_isRefused() {
    assertThatThrownBy(() -> new Sma(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be at least 1, but was 0");
  }
}
