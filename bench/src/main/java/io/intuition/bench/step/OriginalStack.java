package io.intuition.bench.step;

import io.intuition.bench.load.Arrivals;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.ColdRun;
import io.intuition.bench.report.OriginalRun;
import io.intuition.bench.report.Throughput;
import io.intuition.bench.service.NodePeer;
import io.intuition.launcher.process.Processes;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The original-style stack against the same broker and publisher: {@code bridge.js} (MQTT.js and
 * zerorpc-node) to the Node zerorpc algo, on topics of its own so the suite's bridge session, which
 * outlives its process, does not take its quotes. Its orders carry no {@code ts}, so every order
 * counts.
 */
public final class OriginalStack {
  /** What bridges MQTT to the algo in this stack. */
  public static final String BRIDGE = "interop/node/bridge.js (MQTT.js + zerorpc-node, window 32)";

  private static final String QUOTES_TOPIC = "original/quotes";
  private static final String ORDERS_TOPIC = "original/orders";
  private static final long MAX_WARM_UP = 10_000;
  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);

  private final NodePeer peer;
  private final String broker;
  private final Publisher publisher;
  private final Duration idleLimit;
  private final Path logs;

  /** The stack of {@code peer} on {@code broker}, fed by {@code publisher}. */
  public OriginalStack(
      NodePeer peer, String broker, Publisher publisher, Duration idleLimit, Path logs) {
    this.peer = peer;
    this.broker = broker;
    this.publisher = publisher;
    this.idleLimit = idleLimit;
    this.logs = logs;
  }

  /**
   * Warms the stack up with up to {@code warmUp} quotes (10,000 at most), then times {@code
   * quotes}; the suite's {@code cold} and {@code warm} figures are given as multiples of it.
   *
   * @param algo what serves the algo, as the report says it
   * @throws IllegalStateException if a Node process does not start or exits during the step
   */
  public OriginalRun run(long quotes, long warmUp, String algo, ColdRun cold, Throughput warm)
      throws IOException, InterruptedException, MqttException {
    String address = "tcp://127.0.0.1:" + Processes.freePort();
    try (Arrivals orders = Arrivals.unstamped(broker, ORDERS_TOPIC);
        ServiceProcess server = peer.startAlgo(address, logs);
        ServiceProcess bridge =
            peer.startBridge(broker, address, QUOTES_TOPIC, ORDERS_TOPIC, logs)) {
      Flow flow = new Flow("original", publisher, QUOTES_TOPIC, orders, idleLimit);
      flow.awaitOpen(OPEN_LIMIT);
      flow.warmUp(Math.min(warmUp, MAX_WARM_UP));
      Throughput throughput = flow.throughput(quotes);
      server.requireAlive();
      bridge.requireAlive();
      double perSecond = throughput.perSecond();
      return new OriginalRun(
          BRIDGE,
          algo,
          throughput,
          multiple(cold == null ? 0 : cold.throughput().perSecond(), perSecond),
          multiple(warm.perSecond(), perSecond));
    }
  }

  private static double multiple(double suite, double original) {
    return original > 0 ? suite / original : 0;
  }
}
