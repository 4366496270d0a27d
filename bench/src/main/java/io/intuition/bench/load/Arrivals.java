package io.intuition.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * A QoS 1 subscriber that counts what arrives on one topic and records each message's latency: its
 * arrival time minus the {@code ts} it carries. Messages stamped before the current {@link #expect}
 * call (stragglers of an earlier step) are ignored. An {@link #unstamped} subscriber counts every
 * message instead, for peers whose orders carry no {@code ts}, and records no latency.
 */
public final class Arrivals implements AutoCloseable {
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
  private static final long WAIT_STEP_MS = 100;

  private final MqttAsyncClient client;
  private final boolean stamped;
  private final Object lock = new Object();
  private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
  private long since = Long.MAX_VALUE;
  private long count;
  private long lastArrivalNanos;

  private Arrivals(MqttAsyncClient client, boolean stamped) {
    this.client = client;
    this.stamped = stamped;
  }

  /** A subscriber to {@code topic}, subscribed once this returns. */
  public static Arrivals subscribe(String url, String topic) throws MqttException {
    return subscribe(url, topic, true);
  }

  /**
   * A subscriber to {@code topic} that counts every message arriving after {@link #expect}, stamped
   * or not, and records no latency.
   */
  public static Arrivals unstamped(String url, String topic) throws MqttException {
    return subscribe(url, topic, false);
  }

  private static Arrivals subscribe(String url, String topic, boolean stamped)
      throws MqttException {
    MqttAsyncClient client = MqttClients.connect(url, "sub", 1_000);
    Arrivals arrivals = new Arrivals(client, stamped);
    client.setCallback(arrivals.new Callback());
    client.subscribe(topic, 1).waitForCompletion(10_000);
    return arrivals;
  }

  /** Starts counting afresh: only messages stamped from now on count. */
  public void expect() {
    synchronized (lock) {
      since = Clock.micros();
      count = 0;
      latency.reset();
    }
  }

  /**
   * Waits until {@code n} messages have arrived since {@link #expect}, or {@code timeoutMs} passes
   * without a new arrival.
   *
   * @return how many arrived
   */
  public long await(long n, long timeoutMs) throws InterruptedException {
    synchronized (lock) {
      long idleSince = System.nanoTime();
      long seen = count;
      while (count < n) {
        lock.wait(WAIT_STEP_MS);
        if (count != seen) {
          seen = count;
          idleSince = System.nanoTime();
        } else if (System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
          break;
        }
      }
      return count;
    }
  }

  /** When the last counted message arrived, in {@link System#nanoTime()} terms. */
  public long lastArrivalNanos() {
    synchronized (lock) {
      return lastArrivalNanos;
    }
  }

  /** A copy of the latencies recorded since {@link #expect}, in microseconds. */
  public Histogram latency() {
    synchronized (lock) {
      return latency.copy();
    }
  }

  private void arrived(byte[] payload) {
    long now = System.nanoTime();
    long ts = stamped ? QuoteMessages.ts(payload) : 0;
    synchronized (lock) {
      if (since == Long.MAX_VALUE || (stamped && ts < since)) {
        return;
      }
      if (stamped) {
        latency.recordValue(Math.min(Math.max(0, Clock.toMicros(now) - ts), MAX_LATENCY_MICROS));
      }
      count++;
      lastArrivalNanos = now;
      lock.notifyAll();
    }
  }

  @Override
  public void close() {
    MqttClients.close(client);
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      arrived(message.getPayload());
    }

    @Override
    public void connectionLost(Throwable cause) {
      // the step waiting for arrivals times out and reports what it counted
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // subscribes only
    }
  }
}
