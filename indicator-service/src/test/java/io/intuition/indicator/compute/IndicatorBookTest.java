package io.intuition.indicator.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorBookTest {
  private static final List<IndicatorSpec> SPECS =
      List.of(
          new IndicatorSpec(IndicatorKind.SMA, 2),
          new IndicatorSpec(IndicatorKind.SMA, 3),
          new IndicatorSpec(IndicatorKind.EMA, 2));

  private final IndicatorBook book = new IndicatorBook(SPECS, 2, 100);

  @Test
  void add_windowNotFull_publishesNothing() {
    assertThat(book.add(quote("GOOG", "10"), 1)).isEqualTo(new Outcome.Values(List.of()));
  }

  @Test
  void add_windowsFilling_giveTheFullOnesInSpecOrder() {
    book.add(quote("GOOG", "10"), 1);

    Outcome second = book.add(quote("GOOG", "12"), 2);
    Outcome third = book.add(quote("GOOG", "17"), 3);

    assertThat(values(second)).containsExactly(sma(2, "11", 2), ema(2, "11", 2));
    // sma 2: 14.5; sma 3: 13; ema 2: 11 + 2/3 * 6 = 15
    assertThat(values(third))
        .containsExactly(sma(2, "14.5", 3), sma(3, "13", 3), ema(2, "15.00000000000000", 3));
  }

  @Test
  void add_symbols_haveIndicatorsOfTheirOwn() {
    book.add(quote("GOOG", "10"), 1);
    book.add(quote("AAPL", "100"), 1);

    assertThat(values(book.add(quote("AAPL", "200"), 2)))
        .first()
        .satisfies(value -> assertThat(value.value()).isEqualByComparingTo("150"));
  }

  @Test
  void add_sameQuoteAgain_getsTheSameValuesWithoutCountingTwice() {
    book.add(quote("GOOG", "10"), 1);
    Outcome first = book.add(quote("GOOG", "12"), 2);

    Outcome again = book.add(quote("GOOG", "12"), 2);
    Outcome next = book.add(quote("GOOG", "14"), 3);

    assertThat(again).isEqualTo(first);
    assertThat(values(next).get(0).value()).isEqualByComparingTo("13");
  }

  @Test
  void add_olderTsNotRemembered_isRefused() {
    IndicatorBook forgetful = new IndicatorBook(SPECS, 2, 1);
    forgetful.add(quote("GOOG", "10"), 5);
    forgetful.add(quote("GOOG", "11"), 6);

    assertThat(forgetful.add(quote("GOOG", "10"), 5))
        .isEqualTo(
            new Outcome.Refused("quote of GOOG at ts 5 is not after the newest computed, 6"));
  }

  @Test
  void add_symbolPastTheLimit_isRefused() {
    book.add(quote("A", "1"), 1);
    book.add(quote("B", "1"), 1);

    assertThat(book.add(quote("C", "1"), 1))
        .isEqualTo(
            new Outcome.Refused(
                "sid C would be one symbol more than the 2 computed at most (--max-symbols)"));
    assertThat(book.symbols()).isEqualTo(2);
  }

  @Test
  void add_sidThatCannotBeATopicLevel_isRefused() {
    for (String sid : List.of("EUR/USD", "A+", "#")) {
      assertThat(book.add(quote(sid, "1"), 1))
          .isEqualTo(
              new Outcome.Refused(
                  "sid \""
                      + sid
                      + "\" cannot be a topic level: it must not be empty nor contain /, + or #"));
    }
    assertThat(book.symbols()).isZero();
  }

  private static List<IndicatorValue> values(Outcome outcome) {
    return ((Outcome.Values) outcome).values();
  }

  private static Quote quote(String sid, String price) {
    return new Quote(sid, new BigDecimal(price), null);
  }

  private static IndicatorValue sma(int window, String value, long ts) {
    return new IndicatorValue("GOOG", IndicatorKind.SMA, window, new BigDecimal(value), ts);
  }

  private static IndicatorValue ema(int window, String value, long ts) {
    return new IndicatorValue("GOOG", IndicatorKind.EMA, window, new BigDecimal(value), ts);
  }
}
