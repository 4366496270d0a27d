package io.intuition.common.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final long TS = 1_700_000_000_000_000L;

  @Test
  void toWire_withTs_listsFieldsInOrderAsDoubles() {
    Order order = order("500.00", "166.666666", "500.00", TS);

    assertThat(order.toWire())
        .containsExactly(
            Map.entry("sid", "GOOG"),
            Map.entry("quote", 3.0),
            Map.entry("amount", 500.0),
            Map.entry("shares", 166.666666),
            Map.entry("cash", 500.0),
            Map.entry("ts", TS),
            Map.entry("side", "buy"));
  }

  @Test
  void toWire_withoutTs_omitsTs() {
    assertThat(order("1.00", "0.333333", "9.00", null).toWire())
        .containsOnlyKeys("sid", "quote", "amount", "shares", "cash", "side");
  }

  @Test
  void toWire_sell_namesTheSide() {
    Order sell = new Order(Side.SELL, "GOOG", one(), one(), one(), one(), null);

    assertThat(sell.toWire()).containsEntry("side", "sell");
  }

  @Test
  void toWire_holdsOnlyPlainWireValues() {
    assertThat(order("1.00", "0.333333", "9.00", TS).toWire().values())
        .allSatisfy(
            value -> assertThat(value).isInstanceOfAny(String.class, Double.class, Long.class));
  }

  @Test
  void newOrder_zeroAmountSharesAndCash_isAllowed() {
    assertThat(order("0.00", "0", "0", null).amount()).isZero();
  }

  @Test
  void newOrder_negativeAmount_failsNamingTheValue() {
    assertThatThrownBy(() -> order("-1", "0", "0", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must not be negative, but was -1");
  }

  @Test
  void newOrder_negativeShares_failsNamingTheValue() {
    assertThatThrownBy(() -> order("0", "-0.5", "0", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shares must not be negative, but was -0.5");
  }

  @Test
  void newOrder_negativeCash_failsNamingTheValue() {
    assertThatThrownBy(() -> order("0", "0", "-0.01", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cash must not be negative, but was -0.01");
  }

  @Test
  void newOrder_nonPositiveQuote_failsNamingTheValue() {
    assertThatThrownBy(
            () -> new Order(Side.BUY, "GOOG", BigDecimal.ZERO, one(), one(), one(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quote must be positive, but was 0");
  }

  @Test
  void newOrder_blankSid_fails() {
    assertThatThrownBy(() -> new Order(Side.BUY, " ", one(), one(), one(), one(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sid must be a non-empty string, but was \" \"");
  }

  @Test
  void newOrder_nullAmount_failsNamingTheField() {
    assertThatThrownBy(() -> new Order(Side.BUY, "GOOG", one(), null, one(), one(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("amount must not be null");
  }

  private static Order order(String amount, String shares, String cash, Long ts) {
    return new Order(
        Side.BUY,
        "GOOG",
        new BigDecimal("3"),
        new BigDecimal(amount),
        new BigDecimal(shares),
        new BigDecimal(cash),
        ts);
  }

  private static BigDecimal one() {
    return BigDecimal.ONE;
  }
}
