package io.intuition.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrdersTest {
  private static Order order(long ts) {
    return new Order(
        Side.BUY,
        "GOOG",
        BigDecimal.TEN,
        BigDecimal.ONE,
        new BigDecimal("0.1"),
        BigDecimal.valueOf(100),
        ts);
  }

  @Test
  void add_tenThousandOrders_keepsAtMostTheLimitAndCountsThemAll() {
    Orders orders = new Orders(500);

    for (int i = 1; i <= 10_000; i++) {
      orders.add(order(i), "orders", i);
    }

    assertThat(orders.kept()).isEqualTo(500);
    assertThat(orders.total()).isEqualTo(10_000);
    Orders.Batch batch = orders.drain();
    assertThat(batch.total()).isEqualTo(10_000);
    assertThat(batch.orders()).hasSize(500);
    assertThat(batch.orders().get(0).n()).isEqualTo(10_000);
    assertThat(batch.orders().get(499).n()).isEqualTo(9_501);
  }

  @Test
  void drain_givesTheOrdersSinceTheLastDrain_newestFirst() {
    Orders orders = new Orders(10);
    orders.add(order(1), "orders", 1);
    orders.drain();
    orders.add(order(2), "orders", 2);
    orders.add(order(3), "orders", 3);

    Orders.Batch batch = orders.drain();

    assertThat(batch.orders()).extracting(ConsoleOrder::ts).containsExactly(3L, 2L);
    assertThat(orders.drain().orders()).isEmpty();
  }

  @Test
  void snapshot_showsOnlyTheOrdersPushedAlready() {
    Orders orders = new Orders(10);
    orders.add(order(1), "orders", 1);
    orders.drain();
    orders.add(order(2), "orders", 2);

    Orders.Batch snapshot = orders.snapshot();

    assertThat(snapshot.total()).isEqualTo(1);
    assertThat(snapshot.orders()).extracting(ConsoleOrder::n).containsExactly(1L);
  }

  @Test
  void add_numbersAndStampsEachOrder() {
    Orders orders = new Orders(10);

    ConsoleOrder first = orders.add(order(7), "orders/a", 1234);

    assertThat(first.n()).isEqualTo(1);
    assertThat(first.side()).isEqualTo("buy");
    assertThat(first.at()).isEqualTo(1234);
    assertThat(first.topic()).isEqualTo("orders/a");
  }
}
