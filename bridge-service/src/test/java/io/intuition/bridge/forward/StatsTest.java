package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StatsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Stats stats = new Stats(registry);

  @Test
  void counting_showsInTheMetersAndInTheSummaryAlike() {
    stats.received.incrementAndGet();
    stats.received.incrementAndGet();
    stats.orders.incrementAndGet();

    assertThat(registry.get("bridge.quotes.received").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("bridge.orders.published").functionCounter().count()).isEqualTo(1);
    assertThat(stats.toString()).startsWith("received 2, forwarded 0, orders 1,");
  }

  @Test
  void rejected_countsTheTotalAndTheReason() {
    stats.rejected(Rejection.REFUSED);
    stats.rejected(Rejection.REFUSED);
    stats.rejected(Rejection.EMPTY);

    assertThat(stats.rejected()).isEqualTo(3);
    assertThat(rejected("refused")).isEqualTo(2);
    assertThat(rejected("empty")).isEqualTo(1);
    assertThat(rejected("too_large")).isZero();
  }

  @Test
  void held_isAGaugeOfWhatItReads() {
    stats.held(() -> 7);

    assertThat(registry.get("bridge.quotes.held").gauge().value()).isEqualTo(7);
  }

  private double rejected(String reason) {
    return registry.get("bridge.quotes.rejected").tag("reason", reason).functionCounter().count();
  }
}
