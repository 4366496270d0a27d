package io.intuition.algo.strategy.smacross;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.strategy.smacross.SmaCrossConfig.Source;
import io.intuition.algo.trade.Intent;
import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmaCrossIndicatorsTest {
  private static final Holdings ONE_SHARE =
      new Holdings() {
        @Override
        public BigDecimal cash() {
          return BigDecimal.valueOf(1_000);
        }

        @Override
        public BigDecimal shares(String sid) {
          return BigDecimal.ONE;
        }
      };

  private final Strategy<SmaCrossConfig> strategy = strategy(Source.INDICATORS);

  @Test
  void channels_indicatorsSource_addTheShortAndLongSmaToTheDataChannels() {
    assertThat(strategy.channels(List.of("ticks")))
        .containsExactly("ticks", "indicators/+/sma/2", "indicators/+/sma/4");
  }

  @Test
  void channels_quotesSource_areTheDataChannels() {
    assertThat(strategy(Source.QUOTES).channels(List.of("quotes"))).containsExactly("quotes");
  }

  @Test
  void pair_completedByTheLongValue_decidesAtTheQuoteOfItsTs() {
    decide(1, "10", "9", "11"); // short below long
    strategy.onQuote(quote(2, "13"), ONE_SHARE);
    strategy.onIndicator(value(2, 2, "12"), ONE_SHARE);

    List<Intent> intents = strategy.onIndicator(value(4, 2, "11"), ONE_SHARE);

    assertThat(intents).containsExactly(Intent.buy("GOOG").at(quote(2, "13")));
  }

  @Test
  void pair_completedByItsQuote_decidesAtThatQuote() {
    decide(1, "10", "9", "11");
    strategy.onIndicator(value(4, 2, "10"), ONE_SHARE);
    strategy.onIndicator(value(2, 2, "12"), ONE_SHARE);

    List<Intent> intents = strategy.onQuote(quote(2, "14"), ONE_SHARE);

    assertThat(intents).containsExactly(Intent.buy("GOOG").at(quote(2, "14")));
  }

  @Test
  void aboveThenBelow_sellsWhatIsHeld() {
    decide(1, "10", "11", "9"); // short above long
    strategy.onIndicator(value(4, 2, "10"), ONE_SHARE);
    strategy.onIndicator(value(2, 2, "8"), ONE_SHARE);

    List<Intent> intents = strategy.onQuote(quote(2, "7"), ONE_SHARE);

    assertThat(intents).singleElement().satisfies(i -> assertThat(i.side()).isEqualTo(Side.SELL));
    assertThat(intents.get(0).at()).isEqualTo(quote(2, "7"));
  }

  @Test
  void valueForADecidedTs_isIgnored() {
    decide(1, "10", "9", "11");
    decide(2, "10", "12", "11"); // buys

    assertThat(strategy.onIndicator(value(2, 2, "12"), ONE_SHARE)).isEmpty();
    assertThat(strategy.onIndicator(value(4, 1, "1"), ONE_SHARE)).isEmpty();
  }

  @Test
  void otherWindowsAndEma_areIgnored() {
    decide(1, "10", "9", "11");
    strategy.onQuote(quote(2, "13"), ONE_SHARE);
    strategy.onIndicator(value(2, 2, "12"), ONE_SHARE);

    assertThat(strategy.onIndicator(value(3, 2, "1"), ONE_SHARE)).isEmpty();
    assertThat(
            strategy.onIndicator(
                new IndicatorValue("GOOG", IndicatorKind.EMA, 4, BigDecimal.ONE, 2), ONE_SHARE))
        .isEmpty();
  }

  @Test
  void quotesSource_ignoresIndicatorValues() {
    Strategy<SmaCrossConfig> fromQuotes = strategy(Source.QUOTES);

    assertThat(fromQuotes.onIndicator(value(2, 1, "10"), ONE_SHARE)).isEmpty();
  }

  @Test
  void stateRestored_keepsTheTrendAndTheValuesWaiting() {
    decide(1, "10", "9", "11");
    strategy.onQuote(quote(2, "13"), ONE_SHARE);
    strategy.onIndicator(value(2, 2, "12"), ONE_SHARE);
    Strategy<SmaCrossConfig> restored = strategy(Source.INDICATORS);

    restored.restore(strategy.state());

    assertThat(restored.onIndicator(value(4, 2, "11"), ONE_SHARE))
        .containsExactly(Intent.buy("GOOG").at(quote(2, "13")));
  }

  @Test
  void savedStateOfQuotesMode_loads() {
    Strategy<SmaCrossConfig> restored = strategy(Source.QUOTES);

    restored.restore(
        Map.of("GOOG", Map.of("prices", List.of("11", "10", "10", "10"), "trend", -1)));

    assertThat(restored.onQuote(quote(5, "13"), ONE_SHARE)).containsExactly(Intent.buy("GOOG"));
  }

  /** Gives ts its quote and both values. */
  private void decide(long ts, String price, String shortValue, String longValue) {
    strategy.onQuote(quote(ts, price), ONE_SHARE);
    strategy.onIndicator(value(2, ts, shortValue), ONE_SHARE);
    strategy.onIndicator(value(4, ts, longValue), ONE_SHARE);
  }

  private static Strategy<SmaCrossConfig> strategy(Source source) {
    Strategy<SmaCrossConfig> strategy = new SmaCrossFactory().create(null);
    strategy.initialize(new SmaCrossConfig(2, 4, source));
    return strategy;
  }

  private static Quote quote(long ts, String price) {
    return new Quote("GOOG", new BigDecimal(price), ts);
  }

  private static IndicatorValue value(int window, long ts, String value) {
    return new IndicatorValue("GOOG", IndicatorKind.SMA, window, new BigDecimal(value), ts);
  }
}
