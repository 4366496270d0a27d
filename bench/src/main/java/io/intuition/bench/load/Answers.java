package io.intuition.bench.load;

import java.util.BitSet;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * A QoS 1 subscriber that tells which of a run of {@link Publisher#numbered numbered} quotes were
 * answered, by the {@code ts} each answer echoes: each {@code ts} once, and how many came again.
 */
public final class Answers implements AutoCloseable {
  private final MqttAsyncClient client;
  private final Object lock = new Object();
  private BitSet seen = new BitSet();
  private long firstTs = Long.MAX_VALUE;
  private int count;
  private long distinct;
  private long duplicates;
  private long lastNewNanos;

  Answers(MqttAsyncClient client) {
    this.client = client;
  }

  /** A subscriber to {@code topic}, subscribed once this returns. */
  public static Answers subscribe(String url, String topic) throws MqttException {
    MqttAsyncClient client = MqttClients.connect(url, "answers", 1_000);
    Answers answers = new Answers(client);
    client.setCallback(answers.new Callback());
    client.subscribe(topic, 1).waitForCompletion(10_000);
    return answers;
  }

  /** Starts counting answers to the quotes stamped {@code firstTs} to {@code firstTs + n - 1}. */
  public void expect(long firstTs, int n) {
    synchronized (lock) {
      this.firstTs = firstTs;
      this.count = n;
      seen = new BitSet(n);
      distinct = 0;
      duplicates = 0;
      lastNewNanos = System.nanoTime();
    }
  }

  /** How many of the expected quotes were answered at least once. */
  public long distinct() {
    synchronized (lock) {
      return distinct;
    }
  }

  /** How many answers came for a quote already answered. */
  public long duplicates() {
    synchronized (lock) {
      return duplicates;
    }
  }

  /** When the last new answer arrived, in {@link System#nanoTime()} terms. */
  public long lastNewNanos() {
    synchronized (lock) {
      return lastNewNanos;
    }
  }

  void arrived(long ts) {
    synchronized (lock) {
      long index = ts - firstTs;
      if (index < 0 || index >= count) {
        return; // a probe, or not one of ours
      }
      if (seen.get((int) index)) {
        duplicates++;
      } else {
        seen.set((int) index);
        distinct++;
        lastNewNanos = System.nanoTime();
      }
    }
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      arrived(QuoteMessages.ts(message.getPayload()));
    }

    @Override
    public void connectionLost(Throwable cause) {
      // the step waiting for answers times out and reports what it counted
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // subscribes only
    }
  }
}
