package io.intuition.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlgoTallyTest {
  @Test
  void stopLine_givesTheQuotesAnsweredAndTheStaleOnes() {
    String log =
        "12:00:00.000 INFO  [rpc-server] AlgoRpc - opened a book: starting cash 50000\n"
            + "12:00:09.000 INFO  [main] AlgoMain - stopped: answered 200012 quotes, 1517 of them"
            + " untraded as stale\n";

    assertThat(AlgoTally.in(log)).contains(new AlgoTally(200_012, 1_517));
  }

  @Test
  void logWithoutTheStopLine_isEmpty() {
    assertThat(AlgoTally.in("12:00:00.000 INFO  [main] AlgoMain - algo-service 0.1.0\n")).isEmpty();
  }
}
