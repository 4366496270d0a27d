package io.intuition.indicator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import io.intuition.indicator.compute.IndicatorBook;
import io.intuition.indicator.compute.IndicatorSpec;
import io.intuition.indicator.publish.IndicatorTopic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteIntakeTest {
  private final FakeBroker broker = new FakeBroker();
  private final List<PublishRefusedException> refusals = new ArrayList<>();
  private final QuoteIntake intake =
      new QuoteIntake(
          new IndicatorBook(
              List.of(
                  new IndicatorSpec(IndicatorKind.SMA, 1), new IndicatorSpec(IndicatorKind.EMA, 2)),
              100,
              1_000),
          new IndicatorTopic("indicators"),
          broker,
          refusals::add,
          () -> 42L);
  private int nextId = 1;

  @Test
  void quote_isAcknowledgedOnlyOnceEveryValueIsConfirmed() {
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":10,\"ts\":1}"));
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":12,\"ts\":2}"));
    assertThat(broker.publishes).hasSize(3); // sma 1, then sma 1 and ema 2

    broker.confirm(0);
    broker.confirm(1);
    assertThat(broker.acked).containsExactly(1);

    broker.confirm(2);
    assertThat(broker.acked).containsExactly(1, 2);
    assertThat(intake.held()).isZero();
  }

  @Test
  void laterQuoteConfirmedFirst_waitsForTheEarlierOne() {
    intake.accept(message("{\"sid\":\"A\",\"quote\":10,\"ts\":1}"));
    intake.accept(message("{\"sid\":\"B\",\"quote\":12,\"ts\":1}"));

    broker.confirm(1);
    assertThat(broker.acked).isEmpty();

    broker.confirm(0);
    assertThat(broker.acked).containsExactly(1, 2);
  }

  @Test
  void values_arePublishedOnTheirTopicsAsJson() {
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":345.12,\"ts\":1700}"));

    assertThat(broker.publishes)
        .singleElement()
        .satisfies(
            publish -> {
              assertThat(publish.topic()).isEqualTo("indicators/GOOG/sma/1");
              assertThat(publish.payload())
                  .isEqualTo(
                      "{\"sid\":\"GOOG\",\"indicator\":\"sma\",\"window\":1,\"value\":345.12,"
                          + "\"ts\":1700}");
            });
  }

  @Test
  void compactQuotesWithoutTs_areStampedWithTheTimeOfReceipt() {
    intake.accept(message("{\"GOOG\": 3.45, \"AAPL\": 120.5}"));

    assertThat(broker.publishes)
        .extracting(FakeBroker.Publish::topic)
        .containsExactly("indicators/GOOG/sma/1", "indicators/AAPL/sma/1");
    assertThat(broker.publishes.get(1).payload()).contains("\"value\":120.5,\"ts\":42}");
  }

  @Test
  void badQuote_isAcknowledgedWithoutPublishing() {
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":-3}"));
    intake.accept(message("not json"));
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":1} trailing"));

    assertThat(broker.publishes).isEmpty();
    assertThat(broker.acked).containsExactly(1, 2, 3);
  }

  @Test
  void refusedSymbol_isAcknowledgedAndTheNextQuoteComputed() {
    intake.accept(message("{\"sid\":\"EUR/USD\",\"quote\":1.1}"));
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":10}"));

    broker.confirmAll();

    assertThat(broker.publishes)
        .extracting(FakeBroker.Publish::topic)
        .containsExactly("indicators/GOOG/sma/1");
    assertThat(broker.acked).containsExactly(1, 2);
  }

  @Test
  void failedPublish_leavesTheQuoteUnacknowledged() {
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":10,\"ts\":1}"));
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":11,\"ts\":2}"));

    broker.publishes.get(0).done().accept(new IOException("connection lost"));
    broker.confirm(1);
    broker.confirm(2);

    assertThat(broker.acked).containsExactly(2);
    assertThat(intake.held()).isZero();
  }

  @Test
  void lastingRefusal_isReported() {
    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":10,\"ts\":1}"));

    broker
        .publishes
        .get(0)
        .done()
        .accept(new PublishRefusedException("indicators/GOOG/sma/1", 0x87));

    assertThat(refusals).hasSize(1);
    assertThat(broker.acked).isEmpty();
  }

  @Test
  void afterStop_messagesStayUnacknowledged() {
    intake.stop();

    intake.accept(message("{\"sid\":\"GOOG\",\"quote\":10}"));

    assertThat(broker.publishes).isEmpty();
    assertThat(broker.acked).isEmpty();
    assertThat(intake.held()).isZero();
  }

  private Received message(String json) {
    return new Received("quotes", json.getBytes(StandardCharsets.UTF_8), nextId++, 1, 0);
  }
}
