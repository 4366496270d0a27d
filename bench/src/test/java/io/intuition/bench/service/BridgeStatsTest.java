package io.intuition.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BridgeStatsTest {

  @Test
  void lastIn_logWithSummaries_readsTheLastOneWithItsShedCount() {
    String log =
        String.join(
            "\n",
            "10:08:17.665 INFO  [main] Bridge - bridge-service 0.1.0-SNAPSHOT: algo at tcp://x",
            "10:08:27.703 INFO  [bridge] Forwarder - received 12001, forwarded 12000, orders 11999,"
                + " rejected 1, retried 0, in flight 1, shed 20",
            "10:08:29.487 INFO  [bridge] Forwarder - stopped: received 30000, forwarded 29990,"
                + " orders 29990, rejected 3, retried 7, in flight 0, shed 4500",
            "10:08:29.638 INFO  [main] Bridge - stopped");

    assertThat(BridgeStats.lastIn(log))
        .contains(new BridgeStats(30_000, 29_990, 29_990, 3, 7, 0, 4_500));
  }

  @Test
  void lastIn_summaryWithoutShed_hasShedZero() {
    String line =
        "Forwarder - received 5, forwarded 5, orders 5, rejected 0, retried 0, in flight 0";

    assertThat(BridgeStats.lastIn(line)).hasValueSatisfying(s -> assertThat(s.shed()).isZero());
  }

  @Test
  void lastIn_logWithoutSummary_isEmpty() {
    assertThat(BridgeStats.lastIn("10:08:17.665 INFO  [main] Bridge - starting\n")).isEmpty();
  }
}
