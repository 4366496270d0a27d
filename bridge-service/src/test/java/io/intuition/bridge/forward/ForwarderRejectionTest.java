package io.intuition.bridge.forward;

import static io.intuition.bridge.forward.RunningForwarder.MAX_HELD;
import static io.intuition.bridge.forward.RunningForwarder.MAX_HELD_BYTES;
import static io.intuition.bridge.forward.RunningForwarder.MAX_PAYLOAD;
import static io.intuition.bridge.forward.RunningForwarder.ORDERS;
import static io.intuition.bridge.forward.RunningForwarder.PARAMS;
import static io.intuition.bridge.forward.RunningForwarder.REJECTED;
import static io.intuition.bridge.forward.RunningForwarder.TOPIC;
import static io.intuition.bridge.forward.RunningForwarder.json;
import static io.intuition.bridge.forward.RunningForwarder.quote;
import static io.intuition.bridge.forward.RunningForwarder.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForwarderRejectionTest {
  private static final String OVERSIZED = "{\"pad\":\"" + "x".repeat(MAX_PAYLOAD) + "\"}";

  private RunningForwarder run;

  @AfterEach
  void stopForwarder() {
    run.close();
  }

  static Stream<Arguments> malformedPayloads() {
    return Stream.of(
        Arguments.of(named("empty", ""), "empty payload"),
        Arguments.of(
            named("over max payload", OVERSIZED),
            "payload of " + OVERSIZED.length() + " bytes is over the limit of 1024 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPayloads")
  void offer_malformedPayload_isRejectedWithItsReasonAndAcknowledged(
      String payload, String reason) {
    run = new RunningForwarder(settings(4)).initialized();

    run.offer(1, payload);

    run.awaitAcked(1);
    assertThat(run.broker.publishes())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.topic()).isEqualTo(REJECTED);
              Map<String, Object> rejection = json(p);
              assertThat(rejection).containsOnlyKeys("topic", "reason", "payload");
              assertThat(rejection).containsEntry("topic", TOPIC);
              assertThat((String) rejection.get("reason")).startsWith(reason);
              assertThat(rejection).containsEntry("payload", Payloads.excerpt(bytes(payload)));
            });
    assertThat(run.forwarder.stats().rejected()).isEqualTo(1);
    assertThat(run.algo.events()).isEmpty();
  }

  @Test
  void offer_malformedWithEmptyRejectedSuffix_publishesNothingButIsAcknowledged() {
    run =
        new RunningForwarder(
            new ForwardSettings(ORDERS, "", MAX_PAYLOAD, 4, MAX_HELD, MAX_HELD_BYTES, PARAMS));
    run.initialized();

    run.offer(1, "");

    run.awaitAcked(1);
    assertThat(run.broker.publishes()).isEmpty();
    assertThat(run.forwarder.stats().rejected()).isEqualTo(1);
    assertThat(run.algo.events()).isEmpty();
  }

  @Test
  void offer_malformedAmongValidOnes_keepsTheOthersFlowingInOrder() {
    run = new RunningForwarder(settings(4)).initialized();

    run.offer(1, quote(1));
    run.offer(2, "");
    run.offer(3, quote(3));
    run.algo.event(1).answer(null);
    run.algo.event(0).answer(null);

    run.awaitAcked(1, 2, 3);
    assertThat(run.algo.events()).hasSize(2);
    assertThat(run.forwarder.stats().rejected()).isEqualTo(1);
  }

  @Test
  void event_cannotBecomeACall_isRejectedWithTheReasonButNotCountedAsForwarded() {
    run = new RunningForwarder(settings(4)).initialized();
    run.offer(1, "price=3");

    run.algo.event(0).malformed("not JSON: Unrecognized token 'price'");

    run.awaitAcked(1);
    assertThat(run.broker.publishes())
        .singleElement()
        .satisfies(
            p ->
                assertThat(json(p))
                    .containsEntry("reason", "not JSON: Unrecognized token 'price'")
                    .containsEntry("payload", "price=3"));
    assertThat(run.forwarder.stats().rejected()).isEqualTo(1);
    assertThat(run.forwarder.stats().forwarded()).isZero();
  }

  @Test
  void event_algoRefusesTheMessage_rejectsItWithTheAlgosReason() {
    run = new RunningForwarder(settings(4)).initialized();
    run.offer(1, quote(-1));

    run.algo.event(0).refuse("InvalidQuote: price must be positive");

    run.awaitAcked(1);
    assertThat(run.broker.publishes())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.topic()).isEqualTo(REJECTED);
              assertThat(json(p))
                  .containsEntry("topic", TOPIC)
                  .containsEntry("reason", "algo refused it: InvalidQuote: price must be positive")
                  .containsEntry("payload", quote(-1));
            });
    assertThat(run.forwarder.stats().rejected()).isEqualTo(1);
    assertThat(run.forwarder.stats().orders()).isZero();
  }

  @Test
  void offer_onTheRejectedTopic_isAckedWithoutCallingTheAlgo() {
    run = new RunningForwarder(settings(4)).initialized();

    run.offer(1, REJECTED, "{\"topic\":\"quotes/AAPL\",\"reason\":\"x\",\"payload\":\"y\"}");
    run.offer(2, quote(10));
    run.algo.event(0).answer(null);

    run.awaitAcked(1, 2);
    assertThat(run.algo.events())
        .singleElement()
        .satisfies(
            call -> assertThat(call.argument()).isEqualTo(Map.of("symbol", "AAPL", "price", 10)));
    assertThat(run.broker.publishes()).isEmpty();
    assertThat(run.forwarder.stats().rejected()).isZero();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
