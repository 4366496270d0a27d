package io.intuition.algo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomPortfolioTest {
  private static final long TS = 1_700_000_000_000_000L;

  @Test
  void optimize_halfFraction_investsHalfTheCash() {
    RandomPortfolio portfolio = funded("1000", 0.5);

    Order order = portfolio.optimize(quote("3"));

    assertThat(order)
        .isEqualTo(
            new Order(
                "GOOG",
                new BigDecimal("3"),
                new BigDecimal("500.00"),
                new BigDecimal("166.666666"),
                new BigDecimal("500.00"),
                TS));
    assertThat(portfolio.cash()).isEqualByComparingTo("500");
  }

  @Test
  void optimize_roundsAmountDownToCentsAndSharesDownToSixDecimals() {
    Order order = funded("10", 0.999).optimize(quote("7"));

    assertThat(order.amount()).isEqualTo(new BigDecimal("9.99"));
    assertThat(order.shares()).isEqualTo(new BigDecimal("1.427142"));
    assertThat(order.cash()).isEqualTo(new BigDecimal("0.01"));
  }

  @Test
  void optimize_fractionNearOne_neverSpendsMoreThanTheCash() {
    Order order = funded("0.01", 0.999_999_9).optimize(quote("1"));

    assertThat(order.amount()).isZero();
    assertThat(order.cash()).isEqualByComparingTo("0.01");
  }

  @Test
  void optimize_noCash_reportsAnEmptyOrder() {
    Order order = funded("0", 0.5).optimize(quote("3"));

    assertThat(order.amount()).isZero();
    assertThat(order.shares()).isZero();
    assertThat(order.cash()).isZero();
  }

  @Test
  void optimize_beforeReset_hasNoCashToInvest() {
    Order order = new RandomPortfolio(fixed(0.5)).optimize(quote("3"));

    assertThat(order.amount()).isZero();
  }

  @Test
  void reset_afterOrders_restoresTheStartingCash() {
    RandomPortfolio portfolio = funded("1000", 0.5);
    portfolio.optimize(quote("3"));

    portfolio.reset(new BigDecimal("20"));

    assertThat(portfolio.cash()).isEqualByComparingTo("20");
  }

  @Test
  void reset_negativeCash_failsNamingTheValue() {
    RandomPortfolio portfolio = new RandomPortfolio(fixed(0.5));

    assertThatThrownBy(() -> portfolio.reset(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("starting_cash must not be negative, but was -1");
  }

  private static RandomPortfolio funded(String cash, double fraction) {
    RandomPortfolio portfolio = new RandomPortfolio(fixed(fraction));
    portfolio.reset(new BigDecimal(cash));
    return portfolio;
  }

  private static Quote quote(String price) {
    return new Quote("GOOG", new BigDecimal(price), TS);
  }

  /** A generator whose every nextDouble() is {@code fraction}. */
  private static RandomGenerator fixed(double fraction) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble is drawn");
      }

      @Override
      public double nextDouble() {
        return fraction;
      }
    };
  }
}
