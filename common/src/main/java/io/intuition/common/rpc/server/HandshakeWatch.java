package io.intuition.common.rpc.server;

import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Finds, from ZeroMQ's socket monitor, the clients a CURVE server drops before ZAP sees them: one
 * without CURVE (ZeroMQ drops it at the greeting, whose mechanism does not match) and one whose
 * handshake fails (it has another server key). Owned by the server's event loop.
 *
 * <p>The monitor names the connection only in its accept and disconnect events; a greeting or a
 * failure is put down to the oldest connection that could have made it, which is right unless
 * several clients connect at the same moment.
 */
final class HandshakeWatch {
  private static final int EVENTS =
      ZMQ.EVENT_ACCEPTED
          | ZMQ.EVENT_DISCONNECTED
          | ZMQ.EVENT_HANDSHAKE_PROTOCOL
          | ZMQ.HANDSHAKE_FAILED_PROTOCOL
          | ZMQ.HANDSHAKE_FAILED_NO_DETAIL;

  /** Connections followed at most; past that the oldest is forgotten. */
  private static final int MAX_OPEN = 10_000;

  private static final AtomicInteger NEXT = new AtomicInteger();

  private final ZMQ.Socket events;
  private final Refusals refusals;
  private final Map<SocketChannel, Peer> open = new LinkedHashMap<>();
  private Object failure;

  /** Watches {@code socket}; call before it binds. */
  HandshakeWatch(ZContext context, ZMQ.Socket socket, Refusals refusals) {
    String endpoint = "inproc://handshake-watch-" + NEXT.incrementAndGet();
    socket.monitor(endpoint, EVENTS);
    this.events = context.createSocket(SocketType.PAIR);
    this.events.connect(endpoint);
    this.refusals = refusals;
  }

  /** The socket that becomes readable when a connection changes, for the loop. */
  ZMQ.Socket events() {
    return events;
  }

  /** Reads the pending monitor events and logs the refusals they show. */
  void update() {
    ZMQ.Event event;
    while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
      handle(event);
    }
  }

  /** Closes the monitor's socket. */
  void close() {
    events.close();
  }

  private void handle(ZMQ.Event event) {
    switch (event.getEvent()) {
      case ZMQ.EVENT_ACCEPTED -> accepted(event.resolveValue());
      case ZMQ.EVENT_HANDSHAKE_PROTOCOL -> greeted();
      case ZMQ.EVENT_DISCONNECTED -> disconnected(event.resolveValue());
      default -> failure = event.resolveValue();
    }
  }

  private void accepted(Object channel) {
    if (channel instanceof SocketChannel socket) {
      if (open.size() >= MAX_OPEN) {
        Iterator<Peer> oldest = open.values().iterator();
        oldest.next();
        oldest.remove();
      }
      open.put(socket, new Peer(address(socket)));
    }
  }

  private void greeted() {
    for (Peer peer : open.values()) {
      if (!peer.greeted) {
        peer.greeted = true;
        return;
      }
    }
  }

  private void disconnected(Object channel) {
    Peer peer = channel instanceof SocketChannel socket ? open.remove(socket) : null;
    if (peer == null) {
      return;
    }
    if (!peer.greeted) {
      refusals.noCurve(peer.address);
    } else if (failure != null) {
      refusals.handshakeFailed(peer.address, failure);
      failure = null;
    }
  }

  private static String address(SocketChannel channel) {
    // the socket's view keeps the peer's address after the channel closes, unlike the channel's
    InetAddress peer = channel.socket().getInetAddress();
    return peer == null ? "an unknown address" : peer.getHostAddress();
  }

  /** A connection accepted and not yet gone. */
  private static final class Peer {
    final String address;
    boolean greeted;

    Peer(String address) {
      this.address = address;
    }
  }
}
