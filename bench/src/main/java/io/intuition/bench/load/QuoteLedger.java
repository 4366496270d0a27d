package io.intuition.bench.load;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * A QoS 1 subscriber to both the quotes and the orders of a run, for a publisher it does not
 * control (the feed-service stamps each quote with the time it sends it): it remembers the {@code
 * ts} of every quote and of every order, and matches them. Only what is stamped from {@code
 * sinceMicros} on counts, so probes and stragglers of an earlier run do not. A quote the broker
 * delivers again counts once; an order that comes again is a duplicate.
 */
public final class QuoteLedger implements AutoCloseable {
  private final MqttAsyncClient client;
  private final long sinceMicros;
  private final Set<Long> quotes = new HashSet<>();
  private final Set<Long> answers = new HashSet<>();
  private long matched;
  private long duplicates;
  private long lastNewAnswerNanos = System.nanoTime();

  QuoteLedger(MqttAsyncClient client, long sinceMicros) {
    this.client = client;
    this.sinceMicros = sinceMicros;
  }

  /**
   * A subscriber to {@code quotesTopic} and {@code ordersTopic}, subscribed once this returns,
   * counting what is stamped {@code sinceMicros} (epoch microseconds) or later.
   */
  public static QuoteLedger subscribe(
      String url, String quotesTopic, String ordersTopic, long sinceMicros) throws MqttException {
    MqttAsyncClient client = MqttClients.connect(url, "ledger", 1_000);
    QuoteLedger ledger = new QuoteLedger(client, sinceMicros);
    client.setCallback(ledger.new Callback(quotesTopic));
    client
        .subscribe(new String[] {quotesTopic, ordersTopic}, new int[] {1, 1})
        .waitForCompletion(10_000);
    return ledger;
  }

  /** How many quotes were published: distinct {@code ts} seen on the quotes topic. */
  public synchronized long sent() {
    return quotes.size();
  }

  /** How many of those quotes were answered at least once. */
  public synchronized long answered() {
    return matched;
  }

  /** How many quotes have no answer yet. */
  public synchronized long unanswered() {
    return quotes.size() - matched;
  }

  /** How many orders came for a quote already answered. */
  public synchronized long duplicates() {
    return duplicates;
  }

  /** When the last new answer arrived, in {@link System#nanoTime()} terms. */
  public synchronized long lastNewAnswerNanos() {
    return lastNewAnswerNanos;
  }

  synchronized void quoted(long ts) {
    if (ts >= sinceMicros && quotes.add(ts) && answers.contains(ts)) {
      matched++; // its order overtook our copy of the quote
    }
  }

  synchronized void ordered(long ts) {
    if (ts < sinceMicros) {
      return;
    }
    if (!answers.add(ts)) {
      duplicates++;
      return;
    }
    lastNewAnswerNanos = System.nanoTime();
    if (quotes.contains(ts)) {
      matched++;
    }
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }

  private final class Callback implements MqttCallback {
    private final String quotesTopic;

    Callback(String quotesTopic) {
      this.quotesTopic = quotesTopic;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      long ts = QuoteMessages.ts(message.getPayload());
      if (topic.equals(quotesTopic)) {
        quoted(ts);
      } else {
        ordered(ts);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      // the soak reports what it counted: the rest shows as lost
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // subscribes only
    }
  }
}
