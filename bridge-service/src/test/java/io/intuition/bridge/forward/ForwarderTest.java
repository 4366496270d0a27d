package io.intuition.bridge.forward;

import static io.intuition.bridge.forward.RunningForwarder.CHANNELS;
import static io.intuition.bridge.forward.RunningForwarder.ORDERS;
import static io.intuition.bridge.forward.RunningForwarder.PARAMS;
import static io.intuition.bridge.forward.RunningForwarder.json;
import static io.intuition.bridge.forward.RunningForwarder.order;
import static io.intuition.bridge.forward.RunningForwarder.quote;
import static io.intuition.bridge.forward.RunningForwarder.settings;
import static io.intuition.bridge.forward.RunningForwarder.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForwarderTest {
  private RunningForwarder run;

  @AfterEach
  void stopForwarder() {
    run.close();
  }

  @Test
  void start_initializesWithTheParamsThenSubscribesToTheReturnedChannels() {
    run = new RunningForwarder(settings(4));

    FakeAlgo.Call first = run.algo.initialization(0);
    assertThat(run.algo.calls()).containsExactly(first);
    assertThat(first.argument()).isEqualTo(PARAMS);
    assertThat(run.broker.subscriptions()).isEmpty();

    first.answer(CHANNELS);

    soon().until(() -> !run.broker.subscriptions().isEmpty());
    assertThat(run.broker.subscriptions()).containsExactly(CHANNELS);
  }

  @Test
  void offer_validJson_forwardsItsFieldsPublishesTheOrderAndAcks() {
    run = new RunningForwarder(settings(4)).initialized();

    run.offer(1, quote(10));

    FakeAlgo.Call event = run.algo.event(0);
    assertThat(event.argument()).isEqualTo(Map.of("symbol", "AAPL", "price", 10));
    event.answer(order(3));
    run.awaitAcked(1);
    assertThat(run.broker.publishes()).singleElement().satisfies(p -> assertOrder(p, 3));
    assertThat(run.forwarder.stats().orders()).isEqualTo(1);
    assertThat(run.forwarder.stats().forwarded()).isEqualTo(1);
  }

  @Test
  void event_listAnswer_publishesEachOrderInTurn() {
    run = new RunningForwarder(settings(4)).initialized();
    run.offer(1, quote(10));

    run.algo.event(0).answer(List.of(order(1), order(2)));

    run.awaitAcked(1);
    assertThat(run.broker.publishes())
        .satisfiesExactly(p -> assertOrder(p, 1), p -> assertOrder(p, 2));
  }

  @Test
  void event_nullAnswer_publishesNothingButAcks() {
    run = new RunningForwarder(settings(4)).initialized();
    run.offer(1, quote(10));

    run.algo.event(0).answer(null);

    run.awaitAcked(1);
    assertThat(run.broker.publishes()).isEmpty();
    assertThat(run.forwarder.stats().orders()).isZero();
  }

  @Test
  void event_answersOutOfOrder_acksInArrivalOrder() {
    run = new RunningForwarder(settings(4)).initialized();
    IntStream.rangeClosed(1, 3).forEach(id -> run.offer(id, quote(id)));

    run.algo.event(2).answer(order(3));
    run.algo.event(1).answer(order(2));

    soon().until(() -> run.broker.publishes().size() == 2);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.broker.ackedIds().isEmpty());
    run.algo.event(0).answer(order(1));
    run.awaitAcked(1, 2, 3);
  }

  @Test
  void offer_tenMessagesWithWindowThree_neverHasMoreThanThreeCallsOutstanding() {
    run = new RunningForwarder(settings(3)).initialized();
    IntStream.rangeClosed(1, 10).forEach(id -> run.offer(id, quote(id)));

    soon().until(() -> run.algo.events().size() == 3);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.algo.events().size() == 3);
    for (int i = 0; i < 10; i++) {
      run.algo.event(i).answer(null);
    }

    run.awaitAcked(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(run.algo.maxOutstandingEvents()).isEqualTo(3);
    assertThat(run.prices()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void offer_ordersUnconfirmed_countAgainstTheWindowUntilTheBrokerConfirms() {
    run = new RunningForwarder(settings(2)).initialized();
    run.broker.holdConfirmations();
    IntStream.rangeClosed(1, 4).forEach(id -> run.offer(id, quote(id)));
    soon().until(() -> run.algo.events().size() == 2);
    run.algo.event(0).answer(order(1));
    run.algo.event(1).answer(order(2));
    soon().until(() -> run.broker.publishes().size() == 2);

    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.algo.events().size() == 2);
    run.broker.publishes().get(0).confirm();

    soon().until(() -> run.algo.events().size() == 3);
    run.awaitAcked(1);
  }

  @Test
  void publish_failed_leavesThatMessageUnackedButAcksLaterOnes() {
    run = new RunningForwarder(settings(4)).initialized();
    run.broker.holdConfirmations();
    run.offer(1, quote(1));
    run.offer(2, quote(2));
    run.algo.event(0).answer(order(1));
    run.algo.event(1).answer(order(2));
    soon().until(() -> run.broker.publishes().size() == 2);

    run.broker.publishes().get(0).fail(new IllegalStateException("connection lost"));
    run.broker.publishes().get(1).confirm();

    run.awaitAcked(2);
    assertThat(run.forwarder.stats().inFlight()).isZero();
  }

  @Test
  void publish_unconfirmed_holdsTheAckUntilConfirmed() {
    run = new RunningForwarder(settings(4)).initialized();
    run.broker.holdConfirmations();
    run.offer(1, quote(1));
    run.algo.event(0).answer(order(1));
    soon().until(() -> run.broker.publishes().size() == 1);

    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> run.broker.ackedIds().isEmpty());
    run.broker.publishes().get(0).confirm();

    run.awaitAcked(1);
  }

  @Test
  void stop_acksInFlightAnsweredInTimeAndHandsBackTheUnsent() {
    run = new RunningForwarder(settings(2)).initialized();
    IntStream.rangeClosed(1, 4).forEach(id -> run.offer(id, quote(id)));
    soon().until(() -> run.algo.events().size() == 2);

    run.stop(Duration.ofSeconds(5));
    run.algo.event(0).answer(order(1));
    run.awaitAcked(1);
    assertThat(run.hasStopped()).isFalse();
    run.algo.event(1).answer(null);

    soon().until(run::hasStopped);
    assertThat(run.broker.ackedIds()).containsExactly(1, 2);
    assertThat(run.algo.events()).hasSize(2);
  }

  @Test
  void stop_callsUnansweredWithinTheDrain_returnsWithoutAckingThem() {
    run = new RunningForwarder(settings(2)).initialized();
    run.offer(1, quote(1));
    run.algo.event(0);

    run.stop(Duration.ofMillis(100));
    run.offer(2, quote(2));

    soon().until(run::hasStopped);
    assertThat(run.broker.ackedIds()).isEmpty();
    assertThat(run.algo.events()).hasSize(1);
    assertThat(run.forwarder.stats().received()).isEqualTo(1);
  }

  @Test
  void offer_pastMaxHeld_isShedUnackedUntilTheHeldAreDoneThenAskedForAgain() {
    run = new RunningForwarder(settings(4, 3)).initialized();
    IntStream.rangeClosed(1, 5).forEach(id -> run.offer(id, quote(id)));
    soon().until(() -> run.algo.events().size() == 3);
    assertThat(run.forwarder.stats().shed()).isEqualTo(2);

    IntStream.range(0, 3).forEach(i -> run.algo.event(i).answer(null));
    run.awaitAcked(1, 2, 3);
    soon().until(() -> run.broker.redeliveries().size() == 1);
    run.offer(6, quote(6));
    assertThat(run.forwarder.stats().shed()).isEqualTo(3);

    run.broker.redeliveries().get(0).run();
    run.offer(4, quote(4));
    run.offer(5, quote(5));
    run.offer(6, quote(6));
    IntStream.range(3, 6).forEach(i -> run.algo.event(i).answer(null));

    run.awaitAcked(1, 2, 3, 4, 5, 6);
    assertThat(run.prices()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(run.broker.redeliveries()).hasSize(1);
  }

  @Test
  void offer_pastMaxHeldBytes_isShedToo() {
    run =
        new RunningForwarder(
                new ForwardSettings(
                    ORDERS, "/rejected", RunningForwarder.MAX_PAYLOAD, 4, 100, 2_000, PARAMS))
            .initialized();
    String padded = "{\"symbol\":\"AAPL\",\"pad\":\"" + "x".repeat(900) + "\"}";

    IntStream.rangeClosed(1, 3).forEach(id -> run.offer(id, padded));

    soon().until(() -> run.algo.events().size() == 2);
    assertThat(run.forwarder.stats().shed()).isEqualTo(1);
  }

  private static void assertOrder(FakeBroker.Publish publish, int amount) {
    assertThat(publish.topic()).isEqualTo(ORDERS);
    assertThat(json(publish)).isEqualTo(order(amount));
  }
}
