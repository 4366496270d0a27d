package io.intuition.common.zmq;

import io.intuition.common.log.ThrottledLog;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Tells whether a connecting socket has a live connection, from ZeroMQ's socket monitor.
 *
 * <p>A DEALER queues messages while its peer is away and delivers them whenever it comes back,
 * however late; JeroMQ ignores {@code ZMQ_IMMEDIATE} there. Callers check {@link #isConnected()}
 * and keep their messages until a connection is up. A server that refuses the socket's CURVE key is
 * logged, rate-limited. Owned by the socket's thread.
 */
public final class ConnectionWatch {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final ThrottledLog refusals =
      ThrottledLog.of(LoggerFactory.getLogger(ConnectionWatch.class));
  private final ZMQ.Socket events;
  private boolean connected;

  /** Watches {@code socket}; call before it connects. */
  public ConnectionWatch(ZContext context, ZMQ.Socket socket) {
    String endpoint = "inproc://connection-watch-" + NEXT.incrementAndGet();
    socket.monitor(
        endpoint, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.HANDSHAKE_FAILED_AUTH);
    events = context.createSocket(SocketType.PAIR);
    events.connect(endpoint);
  }

  /** The socket that becomes readable when the connection state changes, for a poller. */
  public ZMQ.Socket events() {
    return events;
  }

  /**
   * Reads the pending monitor events.
   *
   * @return whether a connection was lost since the last update
   */
  public boolean update() {
    boolean lost = false;
    ZMQ.Event event;
    while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
      if (event.getEvent() == ZMQ.HANDSHAKE_FAILED_AUTH) {
        refusals.warn(
            "the server at {} refused this client's CURVE key (status {}): is its public key among the"
                + " server's client keys?",
            event.getAddress(),
            event.getValue());
        continue;
      }
      connected = event.getEvent() == ZMQ.EVENT_CONNECTED;
      lost |= !connected;
    }
    return lost;
  }

  /**
   * Takes the connection as gone, because its owner disconnected the socket from its peer: the
   * monitor says nothing of a connection its own socket ends.
   */
  public void disconnected() {
    connected = false;
  }

  /** Closes the monitor's socket; the watched socket stays open. */
  public void close() {
    events.close();
  }

  /** Whether a connection to the peer is up. */
  public boolean isConnected() {
    return connected;
  }
}
