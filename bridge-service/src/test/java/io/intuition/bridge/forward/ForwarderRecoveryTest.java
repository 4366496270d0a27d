package io.intuition.bridge.forward;

import static io.intuition.bridge.forward.FakeAlgo.EVENT;
import static io.intuition.bridge.forward.FakeAlgo.INITIALIZE;
import static io.intuition.bridge.forward.RunningForwarder.CHANNELS;
import static io.intuition.bridge.forward.RunningForwarder.PARAMS;
import static io.intuition.bridge.forward.RunningForwarder.quote;
import static io.intuition.bridge.forward.RunningForwarder.settings;
import static io.intuition.bridge.forward.RunningForwarder.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForwarderRecoveryTest {
  /** The forwarder's first wait after the algorithm stops answering. */
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private RunningForwarder run;

  @AfterEach
  void stopForwarder() {
    run.close();
  }

  @Test
  void event_timesOut_waitsForTheBackoffThenResendsItFirstAndAcksAllOnce() {
    run = new RunningForwarder(settings(1)).initialized();
    IntStream.rangeClosed(1, 5).forEach(id -> run.offer(id, quote(id)));
    run.algo.event(0).answer(null);
    FakeAlgo.Call second = run.algo.event(1);

    long failedAt = System.nanoTime();
    second.unavailable("no answer within 10 s");

    FakeAlgo.Call resent = run.algo.event(2);
    assertThat(Duration.ofNanos(resent.atNanos() - failedAt)).isGreaterThanOrEqualTo(FIRST_BACKOFF);
    assertThat(resent.argument()).isEqualTo(second.argument());
    resent.answer(null);
    for (int i = 3; i < 6; i++) {
      run.algo.event(i).answer(null);
    }
    run.awaitAcked(1, 2, 3, 4, 5);
    assertThat(run.prices()).containsExactly(1, 2, 2, 3, 4, 5);
    assertThat(run.forwarder.stats().retried()).isGreaterThanOrEqualTo(1);
    assertThat(run.forwarder.stats().rejected()).isZero();
  }

  @Test
  void event_timesOutWithOthersInFlight_resendsItBeforeLaterMessages() {
    run = new RunningForwarder(settings(3)).initialized();
    IntStream.rangeClosed(1, 5).forEach(id -> run.offer(id, quote(id)));
    soon().until(() -> run.algo.events().size() == 3);

    run.algo.event(1).unavailable("no answer within 10 s");
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.algo.events().size() == 3);
    run.algo.event(0).answer(null);
    run.algo.event(2).answer(null);
    for (int i = 3; i < 6; i++) {
      run.algo.event(i).answer(null);
    }

    run.awaitAcked(1, 2, 3, 4, 5);
    assertThat(run.prices()).containsExactly(1, 2, 3, 2, 4, 5);
    assertThat(run.forwarder.stats().retried()).isEqualTo(1);
  }

  @Test
  void event_notInitialized_initializesAgainBeforeResending() {
    run = new RunningForwarder(settings(4)).initialized();
    run.offer(1, quote(1));

    run.algo.event(0).notInitialized();
    FakeAlgo.Call again = run.algo.initialization(1);
    assertThat(again.argument()).isEqualTo(PARAMS);
    assertThat(run.algo.events()).hasSize(1);
    again.answer(CHANNELS);
    run.algo.event(1).answer(null);

    run.awaitAcked(1);
    assertThat(run.algo.calls())
        .extracting(FakeAlgo.Call::method)
        .containsExactly(INITIALIZE, EVENT, INITIALIZE, EVENT);
    assertThat(run.algo.events().get(1).argument()).isEqualTo(Map.of("symbol", "AAPL", "price", 1));
    assertThat(run.broker.subscriptions()).containsExactly(CHANNELS, CHANNELS);
    assertThat(run.forwarder.stats().rejected()).isZero();
  }

  @Test
  void initialize_refused_tellsFatalTheAlgosReason() {
    run = new RunningForwarder(settings(4));

    run.algo.initialization(0).refuse("InvalidParams: cash must be positive");

    soon().until(() -> !run.fatal.isEmpty());
    assertThat(run.fatal.get(0)).contains("InvalidParams", "cash must be positive");
    assertThat(run.broker.subscriptions()).isEmpty();
  }

  @Test
  void initialize_refused_isNotCalledAgainAndFatalIsToldOnce() {
    run = new RunningForwarder(settings(4));

    run.algo.initialization(0).refuse("InvalidParams: bad cash");

    soon().until(() -> !run.fatal.isEmpty());
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(run.algo.initializations()).hasSize(1);
              assertThat(run.fatal).hasSize(1);
            });
  }

  @Test
  void initialize_timesOut_isCalledAgainAndThenForwards() {
    run = new RunningForwarder(settings(4));
    run.offer(1, quote(1));

    run.algo.initialization(0).unavailable("no answer within 10 s");
    run.algo.initialization(1).answer(CHANNELS);
    run.algo.event(0).answer(null);

    run.awaitAcked(1);
    assertThat(run.broker.subscriptions()).containsExactly(CHANNELS);
    assertThat(run.fatal).isEmpty();
  }
}
