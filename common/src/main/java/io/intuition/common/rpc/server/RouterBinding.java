package io.intuition.common.rpc.server;

import io.intuition.common.rpc.RpcException;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** The server's ROUTER socket, bound with the limits that keep what one peer can make it hold. */
final class RouterBinding {
  /** What ZeroMQ may queue from one peer, in bytes of the largest frames allowed. */
  private static final long QUEUE_BUDGET_BYTES = 32L * 1024 * 1024;

  /**
   * Replies ZeroMQ queues for one peer; more wait in the outbox, within a byte budget. Replies are
   * small next to requests: an event's is at most {@code --max-symbols} orders.
   */
  private static final int REPLY_QUEUE = 256;

  private static final int LINGER_MS = 200;

  private RouterBinding() {}

  /**
   * A ROUTER bound to {@code address}, after {@code setUp} has configured it further.
   *
   * @throws RpcException if the address is malformed or cannot be bound, naming it and why
   */
  static ZMQ.Socket bind(
      ZContext context, String address, int maxMessageBytes, Consumer<ZMQ.Socket> setUp) {
    ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
    router.setLinger(LINGER_MS);
    router.setMaxMsgSize(maxMessageBytes);
    router.setRcvHWM(queueLimit(maxMessageBytes));
    router.setSndHWM(REPLY_QUEUE);
    // a peer whose queue is full makes send fail (and the reply wait in the outbox) rather than
    // dropping the reply without a word
    router.setRouterMandatory(true);
    setUp.accept(router);
    try {
      if (!router.bind(address)) {
        throw new RpcException("cannot bind " + address);
      }
      return router;
    } catch (ZMQException e) {
      router.close();
      throw new RpcException("cannot bind " + address + ": " + reason(e));
    } catch (IllegalArgumentException e) {
      router.close();
      throw new RpcException(
          "cannot bind " + address + ": malformed address (" + e.getMessage() + ")");
    } catch (RpcException e) {
      router.close();
      throw e;
    }
  }

  /** Frames ZeroMQ may queue from one peer: many small ones, few of the largest allowed. */
  static int queueLimit(int maxMessageBytes) {
    long fit = QUEUE_BUDGET_BYTES / Math.max(1, maxMessageBytes);
    return (int) Math.max(32, Math.min(1_000, fit));
  }

  private static String reason(ZMQException e) {
    return switch (ZMQ.Error.findByCode(e.getErrorCode())) {
      case EADDRINUSE -> "address already in use";
      case EADDRNOTAVAIL -> "address not available on this host";
      case EPROTONOSUPPORT -> "unsupported transport (use tcp://, ipc:// or inproc://)";
      case EINVAL -> "malformed address";
      case EACCESS -> "permission denied";
      default -> ZMQ.Error.findByCode(e.getErrorCode()).getMessage();
    };
  }
}
