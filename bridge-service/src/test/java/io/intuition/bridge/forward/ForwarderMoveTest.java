package io.intuition.bridge.forward;

import static io.intuition.bridge.forward.RunningForwarder.CHANNELS;
import static io.intuition.bridge.forward.RunningForwarder.quote;
import static io.intuition.bridge.forward.RunningForwarder.settings;
import static io.intuition.bridge.forward.RunningForwarder.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The forwarder before it knows where the algorithm is, and when the algorithm moves. */
class ForwarderMoveTest {
  private RunningForwarder run;

  @AfterEach
  void stopForwarder() {
    run.close();
  }

  @Test
  void notStarted_holdsWhatArrivesUnacknowledgedAndCallsNothing_untilStarted() {
    run = new RunningForwarder(settings(4), false);
    run.offer(1, quote(1));
    run.offer(2, quote(2));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.algo.calls().isEmpty() && run.broker.ackedIds().isEmpty());
    assertThat(run.broker.subscriptions()).isEmpty();
    assertThat(run.forwarder.stats().inFlight()).isEqualTo(2);

    run.start();
    run.initialized();
    run.algo.event(0).answer(null);
    run.algo.event(1).answer(null);
    run.awaitAcked(1, 2);
  }

  @Test
  void eventMoved_isSentAgainAtOnceWhileOthersAreInFlight_andEachIsAckedOnce() {
    run = new RunningForwarder(settings(3)).initialized();
    IntStream.rangeClosed(1, 3).forEach(id -> run.offer(id, quote(id)));
    soon().until(() -> run.algo.events().size() == 3);

    run.algo.event(1).moved("tcp://127.0.0.1:5002");

    FakeAlgo.Call resent = run.algo.event(3);
    assertThat(resent.argument()).isEqualTo(run.algo.event(1).argument());
    assertThat(run.algo.event(0).answer().isDone()).isFalse();
    assertThat(run.algo.event(2).answer().isDone()).isFalse();
    run.algo.event(0).answer(null);
    run.algo.event(2).answer(null);
    resent.answer(null);
    run.awaitAcked(1, 2, 3);
    assertThat(run.forwarder.stats().retried()).isEqualTo(1);
    assertThat(run.forwarder.stats().rejected()).isZero();
  }

  @Test
  void eventMovedToAnAlgoNotInitialized_initializesItThenSendsItAgain() {
    run = new RunningForwarder(settings(2)).initialized();
    run.offer(1, quote(1));

    run.algo.event(0).moved("tcp://127.0.0.1:5002");
    run.algo.event(1).notInitialized();
    run.algo.initialization(1).answer(CHANNELS);
    run.algo.event(2).answer(null);

    run.awaitAcked(1);
    assertThat(run.algo.events()).hasSize(3);
    assertThat(run.broker.ackedIds()).containsExactly(1);
  }

  @Test
  void initializeMoved_isCalledAgainAtTheNewAddress() {
    run = new RunningForwarder(settings(4));
    run.offer(1, quote(1));

    run.algo.initialization(0).moved("tcp://127.0.0.1:5002");
    run.algo.initialization(1).answer(CHANNELS);
    run.algo.event(0).answer(null);

    run.awaitAcked(1);
    assertThat(run.broker.subscriptions()).containsExactly(CHANNELS);
    assertThat(run.fatal).isEmpty();
  }
}
