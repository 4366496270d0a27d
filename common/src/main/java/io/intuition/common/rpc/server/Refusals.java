package io.intuition.common.rpc.server;

import io.intuition.common.log.ThrottledLog;
import org.slf4j.LoggerFactory;

/**
 * The clients a CURVE server refused, logged as one kind of warning: a client that retries in a
 * loop costs a few lines and a count, not a line per attempt. Thread-safe: the ZAP handler's thread
 * and the server's loop both report here.
 */
final class Refusals {
  private final ThrottledLog warnings = ThrottledLog.of(LoggerFactory.getLogger(RpcServer.class));
  private final String clientsSource;

  Refusals(String clientsSource) {
    this.clientsSource = clientsSource;
  }

  void keyNotAllowed(String address, String publicKey) {
    warnings.warn(
        "refused an RPC client at {}: its public key {} is not among the client keys in {}",
        address,
        publicKey,
        clientsSource);
  }

  void noCurve(String address) {
    warnings.warn(
        "refused an RPC client at {}: it did not start a CURVE handshake (a client without"
            + " keys, or not ZeroMQ)",
        address);
  }

  void handshakeFailed(String address, Object reason) {
    warnings.warn(
        "refused an RPC client at {}: its CURVE handshake failed ({}): does it have this"
            + " server's public key?",
        address,
        reason);
  }
}
