package io.intuition.common.rpc.client;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MalformedEventException;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Protocol;
import io.intuition.common.codec.Values;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.RpcTimeoutException;
import io.intuition.common.zmq.ConnectionWatch;
import io.intuition.common.zmq.Mailbox;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The thread that owns the DEALER socket: sends the calls posted to it, matches replies to calls by
 * {@code response_to}, heartbeats long calls and fails calls that time out.
 */
final class ClientLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ClientLoop.class);
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long BACKLOG_RETRY_MS = 5;
  private static final byte[] EMPTY = new byte[0];

  private final ZMQ.Socket socket;
  private final ZMQ.Poller poller;
  private final ConnectionWatch connection;
  private final Mailbox<Call> inbox;
  private final EventCodec codec;
  private final MessageIds ids;
  private final long heartbeatNanos;
  private final Map<MessageId, Call> pending = new HashMap<>();
  private final ArrayDeque<Call> backlog = new ArrayDeque<>();
  private volatile boolean running = true;

  ClientLoop(
      ZContext context,
      ZMQ.Socket socket,
      ConnectionWatch connection,
      Mailbox<Call> inbox,
      EventCodec codec,
      MessageIds ids,
      long heartbeatMs) {
    this.socket = socket;
    this.connection = connection;
    this.inbox = inbox;
    this.codec = codec;
    this.ids = ids;
    this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMs);
    this.poller = context.createPoller(3);
    poller.register(socket, ZMQ.Poller.POLLIN);
    poller.register(inbox.channel(), ZMQ.Poller.POLLIN);
    poller.register(connection.events(), ZMQ.Poller.POLLIN);
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    long nextTick = System.nanoTime();
    try {
      while (running) {
        poller.poll(
            backlog.isEmpty() ? TimeUnit.NANOSECONDS.toMillis(TICK_NANOS) : BACKLOG_RETRY_MS);
        if (connection.update()) {
          failSent();
        }
        receiveAll();
        takeCalls();
        flushBacklog();
        long now = System.nanoTime();
        if (now - nextTick >= 0) {
          sweep(now);
          nextTick = now + TICK_NANOS;
        }
      }
    } catch (RuntimeException e) {
      if (running) {
        log.error("RPC client loop failed", e);
      }
    } finally {
      failAll("the RPC client is closed");
      poller.close();
      inbox.close();
    }
  }

  private void takeCalls() {
    inbox.clearSignal();
    for (Call call = inbox.take(); call != null; call = inbox.take()) {
      if (!backlog.isEmpty() || !trySend(call.request)) {
        backlog.add(call); // not connected yet: keep order, retry until the deadline
      } else {
        sent(call);
      }
    }
  }

  private void flushBacklog() {
    while (!backlog.isEmpty() && trySend(backlog.peek().request)) {
      sent(backlog.poll());
    }
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

  private void receiveAll() {
    byte[] frame;
    while ((frame = socket.recv(ZMQ.DONTWAIT)) != null) {
      byte[] payload = frame;
      while (socket.hasReceiveMore()) {
        payload = socket.recv(0);
      }
      handle(payload);
    }
  }

  private void handle(byte[] payload) {
    Event event;
    try {
      event = codec.decode(payload);
    } catch (MalformedEventException e) {
      log.warn("dropped a malformed reply: {}", e.getMessage());
      return;
    }
    Call call = event.responseTo() == null ? null : pending.get(event.responseTo());
    if (call == null) {
      return; // the reply to a call that already timed out
    }
    call.lastHeard = System.nanoTime();
    switch (event.name()) {
      case Protocol.HEARTBEAT -> {}
      case Protocol.OK -> complete(call, first(event.argList()));
      case Protocol.ERR -> fail(call, remoteError(event.argList()));
      default ->
          fail(
              call,
              new RpcException(
                  call.method + " replied " + event.name() + ", which this client does not take"));
    }
  }

  private void complete(Call call, Object result) {
    pending.remove(call.id);
    call.result.complete(result);
  }

  private void fail(Call call, RpcException error) {
    pending.remove(call.id);
    call.result.completeExceptionally(error);
  }

  private static Object first(List<?> args) {
    return args.isEmpty() ? null : args.get(0);
  }

  private static RemoteException remoteError(List<?> args) {
    return new RemoteException(text(args, 0), text(args, 1), text(args, 2));
  }

  private static String text(List<?> args, int index) {
    if (index >= args.size()) {
      return "";
    }
    String text = Values.text(args.get(index));
    return text == null ? String.valueOf(args.get(index)) : text;
  }

  private void sweep(long now) {
    Iterator<Call> calls = pending.values().iterator();
    while (calls.hasNext()) {
      Call call = calls.next();
      RpcTimeoutException expired = expired(call, now);
      if (expired != null) {
        calls.remove();
        call.result.completeExceptionally(expired);
      } else if (now - call.lastHeartbeat >= heartbeatNanos) {
        call.lastHeartbeat = now;
        trySend(codec.encode(Event.heartbeat(ids.next(), call.id)));
      }
    }
    expireBacklog(now);
  }

  private RpcTimeoutException expired(Call call, long now) {
    if (now - call.deadline >= 0) {
      return timeout(call, now);
    }
    if (now - call.lastHeard >= 3 * heartbeatNanos) {
      return new RpcTimeoutException(
          call.method
              + ": lost remote after "
              + millis(now - call.lastHeard)
              + " ms without heartbeat");
    }
    return null;
  }

  private void expireBacklog(long now) {
    for (Iterator<Call> calls = backlog.iterator(); calls.hasNext(); ) {
      Call call = calls.next();
      if (now - call.deadline >= 0) {
        calls.remove();
        call.result.completeExceptionally(timeout(call, now));
      }
    }
  }

  private static RpcTimeoutException timeout(Call call, long now) {
    String state = call.sent ? "no reply" : "not connected to the server";
    return new RpcTimeoutException(
        call.method + " timed out after " + call.timeout.toMillis() + " ms (" + state + ")");
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /**
   * The server's replies come back over the connection a call went out on; when it drops, a
   * restarted server knows nothing of those calls, so they fail now rather than at their timeout.
   */
  private void failSent() {
    for (Call call : pending.values()) {
      call.result.completeExceptionally(
          new RpcTimeoutException(
              call.method + ": connection to the server lost; the call may or may not have run"));
    }
    pending.clear();
  }

  private void failAll(String reason) {
    pending.values().forEach(call -> call.result.completeExceptionally(new RpcException(reason)));
    backlog.forEach(call -> call.result.completeExceptionally(new RpcException(reason)));
    for (Call call = inbox.take(); call != null; call = inbox.take()) {
      call.result.completeExceptionally(new RpcException(reason));
    }
    pending.clear();
    backlog.clear();
  }
}
