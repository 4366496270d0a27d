package io.intuition.common.rpc.client;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MalformedEventException;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Protocol;
import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.zmq.ConnectionWatch;
import io.intuition.common.zmq.EventLoop;
import io.intuition.common.zmq.LoopTimer;
import io.intuition.common.zmq.Registration;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The client's DEALER socket and its calls, owned by the event loop: sends calls over a live
 * connection, matches replies by {@code response_to}, heartbeats long calls and fails the ones that
 * time out or whose connection drops.
 */
final class ClientSocket {
  private static final Logger log = LoggerFactory.getLogger(ClientSocket.class);
  private final ThrottledLog malformed = ThrottledLog.of(log);
  private static final Duration TICK = Duration.ofMillis(100);
  private static final int READ_BUDGET = 1_024;
  private static final byte[] EMPTY = new byte[0];

  private final EventLoop loop;
  private final ZMQ.Socket socket;
  private final String address;
  private final ConnectionWatch connection;
  private final EventCodec codec;
  private final MessageIds ids;
  private final long heartbeatNanos;
  private final Map<MessageId, Call> pending = new HashMap<>();
  private final ArrayDeque<Call> backlog = new ArrayDeque<>();
  private final Registration replies;
  private final Registration events;
  private final LoopTimer tick;
  private final Runnable flushBacklog = this::flushBacklog;
  private boolean closed;

  ClientSocket(
      EventLoop loop,
      ZMQ.Socket socket,
      String address,
      ConnectionWatch connection,
      EventCodec codec,
      MessageIds ids,
      long heartbeatMs) {
    this.loop = loop;
    this.socket = socket;
    this.address = address;
    this.connection = connection;
    this.codec = codec;
    this.ids = ids;
    this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMs);
    this.replies = loop.register(socket, this::receiveAll);
    this.events = loop.register(connection.events(), this::connectionChanged);
    this.tick = loop.every(TICK, () -> sweep(System.nanoTime()));
    loop.eachRound(flushBacklog);
  }

  /** Sends the call now when connected, else keeps it, in order, until it can be. */
  void submit(Call call) {
    if (closed) {
      call.result.completeExceptionally(new RpcException("the RPC client is closed"));
    } else if (backlog.isEmpty() && trySend(call.request)) {
      sent(call);
    } else {
      backlog.add(call); // sent by a later round, once connected and the socket has room
    }
  }

  /** Fails every call still open and closes the sockets. */
  void close(String reason) {
    closed = true;
    pending.values().forEach(call -> call.result.completeExceptionally(new RpcException(reason)));
    backlog.forEach(call -> call.result.completeExceptionally(new RpcException(reason)));
    pending.clear();
    backlog.clear();
    tick.cancel();
    loop.removeRoundHook(flushBacklog);
    replies.cancel();
    events.cancel();
    connection.close();
    socket.close();
  }

  private void sent(Call call) {
    call.sent(System.nanoTime());
    pending.put(call.id, call);
  }

  private boolean trySend(byte[] payload) {
    if (!connection.isConnected() || !socket.send(EMPTY, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
      return false;
    }
    return socket.send(payload, 0);
  }

  private void flushBacklog() {
    while (!backlog.isEmpty() && trySend(backlog.peek().request)) {
      sent(backlog.poll());
    }
  }

  private void connectionChanged() {
    if (connection.update()) {
      failSent();
    }
    flushBacklog();
  }

  private void receiveAll() {
    for (int n = 0; n < READ_BUDGET; n++) {
      byte[] frame = socket.recv(ZMQ.DONTWAIT);
      if (frame == null) {
        break;
      }
      byte[] payload = frame;
      while (socket.hasReceiveMore()) {
        payload = socket.recv(0);
      }
      handle(payload);
    }
    flushBacklog();
  }

  private void handle(byte[] payload) {
    Event event;
    try {
      event = codec.decodePacked(payload);
    } catch (MalformedEventException e) {
      malformed.warn("dropped a malformed reply: {}", Excerpt.escape(e.getMessage()));
      return;
    }
    Call call = event.responseTo() == null ? null : pending.get(event.responseTo());
    if (call == null) {
      return; // the reply to a call that already timed out
    }
    call.lastHeard = System.nanoTime();
    if (!event.name().equals(Protocol.HEARTBEAT)) {
      pending.remove(call.id);
      Replies.complete(call, event);
    }
  }

  private void sweep(long now) {
    pending.values().removeIf(call -> Deadlines.expire(call, now, heartbeatNanos));
    for (Call call : pending.values()) {
      if (now - call.lastHeartbeat >= heartbeatNanos) {
        call.lastHeartbeat = now;
        trySend(codec.encode(Event.heartbeat(ids.next(), call.id)));
      }
    }
    backlog.removeIf(call -> Deadlines.expireUnsent(call, now));
  }

  /**
   * The server's replies come back over the connection a call went out on; when it drops, a
   * restarted server knows nothing of those calls, so they fail now rather than at their timeout.
   * What JeroMQ still holds of them it would send over the next connection, to be run after they
   * failed and after calls made since: connecting afresh drops it, and any connection already back.
   */
  private void failSent() {
    for (Call call : pending.values()) {
      call.result.completeExceptionally(Deadlines.connectionLost(call));
    }
    pending.clear();
    try {
      socket.disconnect(address);
    } catch (ZMQException e) {
      // no connection to it left, and nothing held for one
    }
    connection.disconnected();
    socket.connect(address);
  }
}
