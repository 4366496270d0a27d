package io.intuition.bridge.it;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
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
  ManagedProcess algo;

  private RunningSuite(
      MosquittoBroker broker,
      String rpc,
      ManagedProcess algo,
      ManagedProcess bridge,
      MqttProbe probe) {
    this.broker = broker;
    this.rpc = rpc;
    this.algo = algo;
    this.bridge = bridge;
    this.probe = probe;
  }

  /** Starts everything and waits until the bridge has subscribed to the quotes. */
  static RunningSuite start(String... bridgeOptions) throws Exception {
    MosquittoBroker broker = MosquittoBroker.start();
    String rpc = Suite.freeRpcAddress();
    ManagedProcess algo = Suite.algo(rpc);
    ManagedProcess bridge =
        Suite.bridge(broker.mqttUrl(), rpc, bridgeOptions)
            .awaitLog("subscribed to [quotes]", Suite.START);
    MqttProbe probe = MqttProbe.subscribe(broker.url(), "orders", REJECTED);
    return new RunningSuite(broker, rpc, algo, bridge, probe);
  }

  /** Kills the algo-service, as a crash would, and starts a fresh one at the same address. */
  void crashAndRestartAlgo() {
    algo.kill();
    algo = Suite.algo(rpc);
  }

  @Override
  public void close() throws MqttException {
    probe.close();
    bridge.close();
    algo.close();
    broker.close();
  }
}
