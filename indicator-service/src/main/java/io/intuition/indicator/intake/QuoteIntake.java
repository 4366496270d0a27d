package io.intuition.indicator.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Quotes;
import io.intuition.indicator.compute.IndicatorBook;
import io.intuition.indicator.compute.Outcome;
import io.intuition.indicator.publish.IndicatorJson;
import io.intuition.indicator.publish.IndicatorTopic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each quote message into indicator values: parses it as the suite does ({@link Quotes}),
 * computes every symbol's indicators, publishes the values retained at QoS 1, and acknowledges the
 * message once the broker has confirmed all of them. A malformed message or a refused quote is
 * logged (throttled) and acknowledged; the intake goes on.
 *
 * <p>Messages arrive on the MQTT client's thread, one at a time; confirmations on any thread.
 */
public final class QuoteIntake {
  private static final Logger log = LoggerFactory.getLogger(QuoteIntake.class);
  private static final int EXCERPT_CHARS = 80;

  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final IndicatorBook book;
  private final IndicatorTopic topic;
  private final Broker broker;
  private final Consumer<PublishRefusedException> refused;
  private final LongSupplier clockMicros;
  private final Acks acks;
  private final ThrottledLog malformed = ThrottledLog.of(log);
  private final ThrottledLog refusals = ThrottledLog.of(log);
  private final ThrottledLog failures = ThrottledLog.of(log);
  private final AtomicLong quotes = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private volatile boolean stopped;
  private long lastStamp;

  /**
   * An intake computing into {@code book} and publishing through {@code broker}; {@code refused}
   * hears of each publish the broker refuses in a way retrying cannot mend, and {@code clockMicros}
   * stamps quotes without a {@code ts}.
   */
  public QuoteIntake(
      IndicatorBook book,
      IndicatorTopic topic,
      Broker broker,
      Consumer<PublishRefusedException> refused,
      LongSupplier clockMicros) {
    this.book = book;
    this.topic = topic;
    this.broker = broker;
    this.refused = refused;
    this.clockMicros = clockMicros;
    this.acks = new Acks(broker);
  }

  /** Takes one message; never throws. After {@link #stop()}, leaves it unacknowledged. */
  public synchronized void accept(Received message) {
    if (stopped) {
      return; // the broker delivers it again to the next session
    }
    List<IndicatorValue> values = compute(message);
    Acks.Entry entry = acks.open(message, values.size());
    for (IndicatorValue value : values) {
      broker.publish(topic.of(value), IndicatorJson.write(value), error -> done(entry, error));
    }
  }

  /** Takes no more messages: those arriving stay unacknowledged for the next session. */
  public void stop() {
    stopped = true;
  }

  /** Waits up to {@code limit} until every message taken is acknowledged or failed. */
  public boolean awaitIdle(Duration limit) throws InterruptedException {
    return acks.awaitEmpty(limit);
  }

  /** Quotes computed so far. */
  public long quotes() {
    return quotes.get();
  }

  /** Values the broker confirmed so far. */
  public long published() {
    return published.get();
  }

  /** Messages taken and not yet acknowledged. */
  public int held() {
    return acks.held();
  }

  private List<IndicatorValue> compute(Received message) {
    List<Quote> parsed;
    try {
      parsed = Quotes.parse(json.readValue(message.payload(), Object.class));
    } catch (InvalidQuoteException | JsonProcessingException e) {
      malformed.warn(
          "bad quote on {} acknowledged and skipped: {}: {}",
          Excerpt.of(message.topic()),
          reason(e),
          Excerpt.of(message.payload(), EXCERPT_CHARS));
      return List.of();
    } catch (IOException e) {
      malformed.warn("unreadable quote on {} skipped: {}", Excerpt.of(message.topic()), reason(e));
      return List.of();
    }
    long stamp = stamp();
    List<IndicatorValue> values = new ArrayList<>();
    for (Quote quote : parsed) {
      Outcome outcome = book.add(quote, quote.ts() != null ? quote.ts() : stamp);
      if (outcome instanceof Outcome.Values computed) {
        quotes.incrementAndGet();
        values.addAll(computed.values());
      } else if (outcome instanceof Outcome.Refused refusal) {
        refusals.warn("quote refused and acknowledged: {}", refusal.reason());
      }
    }
    return values;
  }

  /** The receipt time of a message in epoch micros, after that of the one before. */
  private long stamp() {
    lastStamp = Math.max(clockMicros.getAsLong(), lastStamp + 1);
    return lastStamp;
  }

  private void done(Acks.Entry entry, Throwable error) {
    if (error == null) {
      published.incrementAndGet();
    } else {
      failures.warn(
          "an indicator value was not confirmed ({}): its quote stays unacknowledged and comes"
              + " again",
          reason(error));
      if (error instanceof PublishRefusedException refusal && refusal.isLasting()) {
        refused.accept(refusal);
      }
    }
    acks.done(entry, error == null);
  }

  private static String reason(Throwable e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
    return Excerpt.of(message != null ? message : String.valueOf(e.getMessage()));
  }
}
