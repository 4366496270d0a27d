package io.intuition.bench.step;

import io.intuition.bench.load.Arrivals;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.LatencyRun;
import io.intuition.bench.report.Percentiles;
import io.intuition.bench.report.Throughput;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Quotes published to one topic and what they cause arriving on another: the broker alone (the same
 * topic) or the suite ({@code quotes} in, {@code orders} out).
 */
public final class Flow {
  private static final long PROBE_WAIT_MS = 250;

  private final String name;
  private final Publisher publisher;
  private final String topic;
  private final Arrivals arrivals;
  private final Duration idleLimit;

  /**
   * A flow; a step gives up when nothing arrives for {@code idleLimit} and reports what it counted.
   */
  public Flow(
      String name, Publisher publisher, String topic, Arrivals arrivals, Duration idleLimit) {
    this.name = name;
    this.publisher = publisher;
    this.topic = topic;
    this.arrivals = arrivals;
    this.idleLimit = idleLimit;
  }

  /**
   * Sends one quote at a time to {@code quotes} until the suite at {@code url} answers one on
   * {@code orders}: for a suite still starting.
   *
   * @throws IllegalStateException if no order comes within {@code limit}
   */
  public static void awaitSuite(Publisher publisher, String url, Duration limit)
      throws InterruptedException, MqttException {
    try (Arrivals probes = Arrivals.subscribe(url, "orders")) {
      new Flow("suite", publisher, "quotes", probes, limit).awaitOpen(limit);
    }
  }

  /** The flow's name: {@code broker} or {@code suite}. */
  public String name() {
    return name;
  }

  /**
   * Sends one quote at a time until one gets through, for a flow whose far end is still starting.
   *
   * @throws IllegalStateException if nothing gets through within {@code limit}
   */
  public void awaitOpen(Duration limit) throws InterruptedException, MqttException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - deadline < 0) {
      arrivals.expect();
      publisher.burst(topic, 1);
      if (arrivals.await(1, PROBE_WAIT_MS) > 0) {
        return;
      }
    }
    throw new IllegalStateException(
        "no quote published to " + topic + " got through within " + limit.toSeconds() + " s");
  }

  /** Sends {@code count} quotes as fast as possible, until the last arrives: for warming up. */
  public void warmUp(long count) throws InterruptedException, MqttException {
    throughput(count);
  }

  /**
   * Sends {@code count} quotes as fast as possible; timed from the first send to the last arrival.
   */
  public Throughput throughput(long count) throws InterruptedException, MqttException {
    arrivals.expect();
    long start = System.nanoTime();
    publisher.burst(topic, count);
    long arrived = arrivals.await(count, idleLimit.toMillis());
    long end = arrivals.lastArrivalNanos();
    return new Throughput(count, arrived, Math.max(0, end - start) / 1e9);
  }

  /** Offers quotes at {@code rate} per second for {@code seconds}; the latency of each. */
  public LatencyRun latency(double rate, double seconds)
      throws InterruptedException, MqttException {
    arrivals.expect();
    long sent = publisher.paced(topic, rate, seconds);
    arrivals.await(sent, idleLimit.toMillis());
    return new LatencyRun(name, rate, seconds, sent, Percentiles.ofMicros(arrivals.latency()));
  }
}
