package io.intuition.algo.server;

import io.intuition.common.rpc.curve.ServerCredentials;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start how the RPC link is protected, and warns when plain RPC is open to a network. */
final class LinkSecurity {
  private static final Logger log = LoggerFactory.getLogger(AlgoMain.class);
  private static final String TCP = "tcp://";

  private LinkSecurity() {}

  /** Logs whether CURVE is on, and a warning if it is off on an address others can reach. */
  static void report(String address, ServerCredentials curve) {
    if (curve != null) {
      log.info(
          "CURVE on: server public key {}, {} client keys allowed from {}",
          curve.keyPair().publicKey(),
          curve.clientKeys().size(),
          curve.clientsSource());
    } else if (isLoopback(address)) {
      log.info("CURVE off: plain RPC on {}, reachable from this host only", address);
    } else {
      log.warn(
          "CURVE off on {}, which is not loopback: anyone who can reach it can drive the"
              + " algorithm; turn CURVE on with --curve-secret-key-file and --curve-clients"
              + " (keys from 'algo-service keygen')",
          address);
    }
  }

  /**
   * Whether only this host can reach {@code address}: a TCP address whose host is a loopback
   * address or resolves only to such, or another transport ({@code ipc://}, {@code inproc://}).
   */
  static boolean isLoopback(String address) {
    if (!address.startsWith(TCP)) {
      return true;
    }
    String hostPort = address.substring(TCP.length());
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.equals("*")) {
      return false;
    }
    try {
      for (InetAddress resolved : InetAddress.getAllByName(host)) {
        if (!resolved.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
