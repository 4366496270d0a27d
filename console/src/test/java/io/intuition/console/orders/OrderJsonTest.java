package io.intuition.console.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderJsonTest {
  private static Order read(String json) {
    return OrderJson.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_orderWithoutSideOrTs_isABuyWithoutTs() {
    Order order = read("{\"sid\":\"GOOG\",\"quote\":10.5,\"amount\":21,\"shares\":2,\"cash\":79}");

    assertThat(order.side()).isEqualTo(Side.BUY);
    assertThat(order.ts()).isNull();
    assertThat(order.quote()).isEqualByComparingTo("10.5");
  }

  @Test
  void read_sellWithTs_keepsBoth() {
    Order order =
        read(
            "{\"sid\":\"AAPL\",\"quote\":1,\"amount\":1,\"shares\":1,\"cash\":1,"
                + "\"ts\":1700000000000000,\"side\":\"sell\",\"extra\":true}");

    assertThat(order.side()).isEqualTo(Side.SELL);
    assertThat(order.ts()).isEqualTo(1_700_000_000_000_000L);
  }

  @Test
  void read_whatToWireWrites_givesTheOrderBack() throws Exception {
    Order sent = read("{\"sid\":\"X\",\"quote\":2,\"amount\":4,\"shares\":2,\"cash\":6,\"ts\":9}");
    byte[] wire =
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(sent.toWire());

    assertThat(OrderJson.read(wire))
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(sent);
  }

  @Test
  void read_notJson_failsSayingSo() {
    assertThatThrownBy(() -> read("{oops")).hasMessageStartingWith("not JSON");
  }

  @Test
  void read_missingQuote_failsNamingIt() {
    assertThatThrownBy(() -> read("{\"sid\":\"X\",\"amount\":4,\"shares\":2,\"cash\":6}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quote must be a number");
  }

  @Test
  void read_unknownSide_failsNamingIt() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"sid\":\"X\",\"quote\":2,\"amount\":4,\"shares\":2,\"cash\":6,"
                        + "\"side\":\"short\"}"))
        .hasMessageContaining("side must be buy or sell");
  }

  @Test
  void read_anArray_isRefused() {
    assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("JSON object");
  }
}
