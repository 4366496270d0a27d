package io.intuition.bench.step;

import io.intuition.bench.report.ColdRun;
import io.intuition.bench.report.Throughput;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The suite's first quotes from a fresh start: once a probe quote gets its order, a burst at full
 * speed, timed to its last order. No warm-up: the services' JIT compilers are still at work.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Waits until {@code flow} opens, then sends {@code count} quotes through it.
   *
   * @param startedNanos when the services were started, in {@link System#nanoTime()} terms
   * @throws IllegalStateException if the flow does not open within {@code openLimit}
   */
  public static ColdRun run(Flow flow, long startedNanos, Duration openLimit, long count)
      throws InterruptedException, MqttException {
    flow.awaitOpen(openLimit);
    double open = (System.nanoTime() - startedNanos) / 1e9;
    Throughput burst = flow.throughput(count);
    return new ColdRun(open, burst);
  }
}
