package io.intuition.common.rpc.server;

import io.intuition.common.rpc.curve.ServerCredentials;
import io.intuition.common.zmq.EventLoop;
import io.intuition.common.zmq.Registration;
import java.util.Map;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * CURVE on the server's ROUTER: a ZAP handler on the server's context that answers only the allowed
 * client keys, and a watch of the handshakes ZAP never sees; every refusal is logged, rate-limited.
 *
 * <p>ZeroMQ lets every CURVE client in when no ZAP handler runs, so the handler starts before the
 * socket binds and stops only after it closes.
 */
final class CurveGuard {
  private final ServerCredentials credentials;
  private final Refusals refusals;
  private final ZAuth zap;
  private HandshakeWatch watch;
  private Registration watching;

  private CurveGuard(ZContext context, ServerCredentials credentials) {
    this.credentials = credentials;
    this.refusals = new Refusals(credentials.clientsSource());
    AllowedKeys allowed = new AllowedKeys(credentials.clientKeys(), refusals);
    this.zap =
        new ZAuth(
            context,
            "rpc-zap",
            Map.of(
                ZMQ.Socket.Mechanism.CURVE.name(), allowed,
                ZMQ.Socket.Mechanism.NULL.name(), AllowedKeys.NONE,
                ZMQ.Socket.Mechanism.PLAIN.name(), AllowedKeys.NONE));
  }

  /** Starts the ZAP handler on {@code context}. */
  static CurveGuard start(ZContext context, ServerCredentials credentials) {
    return new CurveGuard(context, credentials);
  }

  /** Makes {@code router} a CURVE server and watches its handshakes; on the loop, before bind. */
  void secure(ZContext context, EventLoop loop, ZMQ.Socket router) {
    credentials.applyTo(router);
    watch = new HandshakeWatch(context, router, refusals);
    watching = loop.register(watch.events(), watch::update);
  }

  /** Stops watching; on the loop, once the router is closed. */
  void stopWatching() {
    if (watch != null) {
      watching.cancel();
      watch.close();
      watch = null;
    }
  }

  /** Stops the ZAP handler; after the router is closed. */
  void close() {
    zap.destroy();
  }
}
