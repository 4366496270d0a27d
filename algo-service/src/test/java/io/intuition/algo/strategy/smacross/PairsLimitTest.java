package io.intuition.algo.strategy.smacross;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PairsLimitTest {
  private final WaitingLimit limit = new WaitingLimit(3);
  private final Pairs goog = new Pairs("GOOG", limit);
  private final Pairs aapl = new Pairs("AAPL", limit);

  @Test
  void quotesOfManySymbols_waitingForTheirAverages_holdNoMoreThanTheSharedLimit() {
    goog.quote(quote("GOOG", 1));
    goog.quote(quote("GOOG", 2));
    goog.quote(quote("GOOG", 3));
    aapl.quote(quote("AAPL", 1));

    assertThat(limit.held()).isEqualTo(3);
    assertThat(decide(aapl, 1)).as("AAPL held nothing to make room with").isNull();
  }

  @Test
  void newTimestamp_whenAllRoomIsTaken_replacesThatSymbolsOldest() {
    goog.quote(quote("GOOG", 1));
    goog.quote(quote("GOOG", 2));
    aapl.quote(quote("AAPL", 1));

    goog.quote(quote("GOOG", 3));

    assertThat(limit.held()).isEqualTo(3);
    assertThat(decide(goog, 3))
        .isNotNull()
        .extracting(Pairs.Decision::quote)
        .isEqualTo(quote("GOOG", 3));
    assertThat(limit.held()).as("GOOG's decided and older timestamps give their room back").isOne();
    assertThat(decide(aapl, 1)).isNotNull();
    assertThat(limit.held()).isZero();
  }

  @Test
  void clear_givesTheRoomBack() {
    goog.quote(quote("GOOG", 1));
    goog.quote(quote("GOOG", 2));

    goog.clear();

    assertThat(limit.held()).isZero();
  }

  private static Pairs.Decision decide(Pairs pairs, long ts) {
    pairs.average(ts, true, BigDecimal.TEN);
    return pairs.average(ts, false, BigDecimal.ONE);
  }

  private static Quote quote(String sid, long ts) {
    return new Quote(sid, BigDecimal.valueOf(100 + ts), ts);
  }
}
