package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The whole suite running for a test: its own broker, an algo-service and a bridge-service as real
 * processes, and a probe subscribed to the orders and the rejections.
 */
final class RunningSuite implements AutoCloseable {
  static final String REJECTED = "quotes/rejected";

  final MosquittoBroker broker;
  final String rpc;
  final ManagedProcess bridge;
  final MqttProbe probe;
  private final List<String> algoJvm;
  private final List<String> algoOptions;
  ManagedProcess algo;

  private RunningSuite(
      MosquittoBroker broker,
      String rpc,
      List<String> algoJvm,
      List<String> algoOptions,
      ManagedProcess algo,
      ManagedProcess bridge,
      MqttProbe probe) {
    this.broker = broker;
    this.rpc = rpc;
    this.algoJvm = List.copyOf(algoJvm);
    this.algoOptions = List.copyOf(algoOptions);
    this.algo = algo;
    this.bridge = bridge;
    this.probe = probe;
  }

  /** Starts everything and waits until the bridge has subscribed to the quotes. */
  static RunningSuite start(String... bridgeOptions) throws Exception {
    return start(Suite.ALGO_JVM, List.of(), Suite.RPC_TIMEOUT, bridgeOptions);
  }

  /**
   * Starts everything with an algo-service on which every quote fills an order: threshold 0 and the
   * {@code fixed-fraction} sizer investing 0.1% of the cash left, so each order moves the book and
   * none is of amount 0.
   */
  static RunningSuite startFillingEveryQuote(
      List<String> algoJvm, Duration rpcTimeout, String... algoOptions) throws Exception {
    List<String> options = new ArrayList<>(List.of("--sizer", "fixed-fraction"));
    options.addAll(List.of(algoOptions));
    return start(
        algoJvm, options, rpcTimeout, "--param", "threshold=0", "--param", "fraction=0.001");
  }

  /**
   * Starts everything, the algo-service with these JVM flags and extra options and the bridge
   * waiting {@code rpcTimeout} for each answer, and waits until the bridge has subscribed to the
   * quotes.
   */
  static RunningSuite start(
      List<String> algoJvm, List<String> algoOptions, Duration rpcTimeout, String... bridgeOptions)
      throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    String rpc = Suite.freeRpcAddress();
    ManagedProcess algo = Suite.algo(algoJvm, rpc, algoOptions);
    ManagedProcess bridge =
        Suite.bridge(rpcTimeout, broker.mqttUrl(), rpc, bridgeOptions)
            .awaitLog("subscribed to [quotes]", Suite.START);
    MqttProbe probe = MqttProbe.subscribe(broker.url(), "orders", REJECTED);
    return new RunningSuite(broker, rpc, algoJvm, algoOptions, algo, bridge, probe);
  }

  /**
   * Kills the algo-service, as a crash would, and starts a fresh one at the same address with the
   * same flags and options.
   */
  void crashAndRestartAlgo() {
    algo.kill();
    algo = Suite.algo(algoJvm, rpc, algoOptions);
  }

  /** Publishes quotes number 0 to {@code count - 1} on {@code quotes}, at QoS 1, meanwhile. */
  CompletableFuture<Void> publishInBackground(int count) {
    return CompletableFuture.runAsync(
        () -> MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(0, count)));
  }

  /**
   * Waits until each quote number below {@code count} has an order, checks none was rejected, and
   * returns how many orders each got.
   */
  Map<Long, Integer> awaitEveryQuoteAnswered(int count, Duration timeout) {
    await("an order for every quote; " + bridge)
        .atMost(timeout)
        .until(
            () -> QuoteFeed.unanswered(QuoteFeed.ordersPerTs(probe.on("orders")), count).isEmpty());
    assertThat(probe.count(REJECTED)).isZero();
    return QuoteFeed.ordersPerTs(probe.on("orders"));
  }

  /** The algo-service's book, as its {@code portfolio()} answers. */
  Map<?, ?> portfolio() {
    return Suite.portfolio(rpc);
  }

  @Override
  public void close() throws MqttException {
    probe.close();
    bridge.close();
    algo.close();
    broker.close();
  }
}
