package io.intuition.common.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmaTest {

  @Test
  void add_windowNotFull_hasNoValue() {
    Ema ema = new Ema(3);
    ema.add(BigDecimal.TEN);
    ema.add(BigDecimal.TEN);

    assertThat(ema.isFull()).isFalse();
    assertThatThrownBy(ema::value).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void firstValue_isTheSimpleAverageOfTheWindow() {
    Ema ema = new Ema(4);
    for (String price : new String[] {"10", "11", "12", "13"}) {
      ema.add(new BigDecimal(price));
    }

    assertThat(ema.value()).isEqualByComparingTo("11.5");
  }

  @Test
  void later_values_moveByTwoOverWindowPlusOne() {
    Ema ema = new Ema(4); // k = 0.4
    List<BigDecimal> values = new ArrayList<>();

    for (String price : new String[] {"10", "11", "12", "13", "14", "10", "11.5"}) {
      ema.add(new BigDecimal(price));
      if (ema.isFull()) {
        values.add(ema.value());
      }
    }

    // 11.5; 11.5 + 0.4 * 2.5 = 12.5; 12.5 - 0.4 * 2.5 = 11.5; 11.5 + 0.4 * 0 = 11.5
    assertThat(values)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("11.5"),
            new BigDecimal("12.5"),
            new BigDecimal("11.5"),
            new BigDecimal("11.5"));
  }

  @Test
  void value_isRoundedToSixteenDigits() {
    Ema ema = new Ema(2); // k = 2/3 = 0.6666666666666667
    ema.add(BigDecimal.ZERO);
    ema.add(BigDecimal.ZERO);
    ema.add(BigDecimal.ONE);

    assertThat(ema.value()).isEqualTo(new BigDecimal("0.6666666666666667"));
  }

  @Test
  void windowOfOne_followsThePrice() {
    Ema ema = new Ema(1);
    ema.add(BigDecimal.TEN);
    ema.add(new BigDecimal("12.25"));

    assertThat(ema.value()).isEqualByComparingTo("12.25");
  }
}
