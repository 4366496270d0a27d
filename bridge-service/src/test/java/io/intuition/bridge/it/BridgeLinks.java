package io.intuition.bridge.it;

import io.intuition.common.testing.TcpProxy;

/**
 * The bridge-service's two links, each through a {@link TcpProxy} on loopback that a test can cut.
 *
 * @param toBroker the proxy in front of the broker
 * @param toAlgo the proxy in front of the algo-service
 */
public record BridgeLinks(TcpProxy toBroker, TcpProxy toAlgo) implements AutoCloseable {
  /** Proxies in front of the broker's and the algo's ports on loopback. */
  static BridgeLinks start(int brokerPort, int algoPort) {
    return new BridgeLinks(
        TcpProxy.start("127.0.0.1", brokerPort), TcpProxy.start("127.0.0.1", algoPort));
  }

  /** The broker's address for the bridge, through its proxy. */
  String mqttUrl() {
    return "mqtt://127.0.0.1:" + toBroker.port();
  }

  /** The algo's zerorpc address for the bridge, through its proxy. */
  String rpc() {
    return Suite.rpcAddress(toAlgo.port());
  }

  /** Closes both proxies, and every connection through them. */
  @Override
  public void close() {
    toBroker.close();
    toAlgo.close();
  }
}
