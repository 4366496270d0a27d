package io.intuition.common.rpc.server;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MalformedEventException;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.zmq.EventLoop;
import io.intuition.common.zmq.LoopTimer;
import io.intuition.common.zmq.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The server's ROUTER socket, owned by its event loop: reads requests, answers built-ins at once,
 * runs the service's methods on the loop itself or hands them to the worker, sends the replies and
 * heartbeats every call still open.
 *
 * <p>With a worker, at most {@code maxQueued} calls wait for it or run on it; past that the socket
 * is not read until one finishes, so a client that sends faster than the service works waits
 * instead of filling memory.
 */
final class ServerSocket {
  private static final Logger log = LoggerFactory.getLogger(ServerSocket.class);
  private final ThrottledLog malformed = ThrottledLog.of(log);
  private static final Duration TICK = Duration.ofMillis(250);
  private static final int READ_BUDGET = 1_024;
  private static final byte[] EMPTY = new byte[0];

  private final EventLoop loop;
  private final ZMQ.Socket socket;
  private final ExecutorService worker;
  private final int maxQueued;
  private final int maxReplyBytes;
  private final EventCodec codec = new EventCodec();
  private final MessageIds ids;
  private final Dispatcher dispatcher;
  private final OpenCalls open;
  private final Outbox outbox;
  private final Registration requests;
  private final LoopTimer tick;
  private final Runnable flushWaiting = this::flushWaiting;
  private int queued;

  ServerSocket(
      EventLoop loop, ZMQ.Socket socket, RpcServer.Builder settings, ExecutorService worker) {
    this.loop = loop;
    this.socket = socket;
    this.worker = worker;
    this.maxQueued = settings.maxQueuedCalls();
    this.maxReplyBytes = settings.maxMessageBytes();
    this.ids = new MessageIds();
    this.dispatcher = new Dispatcher(settings.service(), ids);
    this.open = new OpenCalls(TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMs()));
    this.outbox = new Outbox(socket);
    this.requests = loop.register(socket, this::receiveAll);
    this.tick = loop.every(TICK, () -> open.heartbeatDue(System.nanoTime(), this::heartbeat));
    loop.eachRound(flushWaiting);
  }

  /** Stops reading and closes the socket, after sending the replies that can still go. */
  void close() {
    outbox.flush();
    tick.cancel();
    loop.removeRoundHook(flushWaiting);
    requests.cancel();
    socket.close();
  }

  private void receiveAll() {
    List<byte[]> frames = new ArrayList<>(3);
    for (int n = 0; n < READ_BUDGET && !isFull(); n++) {
      byte[] frame = socket.recv(ZMQ.DONTWAIT);
      if (frame == null) {
        break;
      }
      frames.add(frame);
      while (socket.hasReceiveMore()) {
        frames.add(socket.recv(0));
      }
      handle(frames);
      frames.clear();
    }
    if (isFull()) {
      requests.pause();
    }
  }

  private boolean isFull() {
    return worker != null && queued >= maxQueued;
  }

  private void handle(List<byte[]> frames) {
    Event event;
    try {
      event = codec.decode(frames.get(frames.size() - 1));
    } catch (MalformedEventException e) {
      refuse(frames, e);
      return;
    }
    if (!event.isRequest()) {
      return; // heartbeats and stream flow control from callers need no answer
    }
    byte[][] envelope = envelope(frames);
    if (worker == null || Dispatcher.isBuiltIn(event)) {
      dispatcher.reply(event, reply -> sendFromAnyThread(envelope, reply, event.id()));
      return;
    }
    OpenCalls.Call call = open.open(event.id(), envelope, System.nanoTime());
    queued++;
    try {
      worker.execute(() -> finishLater(event, envelope, call));
    } catch (RejectedExecutionException e) {
      queued--;
      open.close(call); // stopping: the caller's timeout tells it
    }
  }

  /** A reply made on the loop is sent at once; one completed elsewhere, from the loop. */
  private void sendFromAnyThread(byte[][] envelope, Event reply, MessageId request) {
    if (loop.inLoop()) {
      send(envelope, encode(reply, request));
    } else {
      loop.execute(() -> send(envelope, encode(reply, request)));
    }
  }

  /** Runs on the worker: the method, then the reply back on the loop. */
  private void finishLater(Event request, byte[][] envelope, OpenCalls.Call call) {
    dispatcher.reply(
        request,
        reply -> {
          byte[] bytes = encode(reply, request.id());
          loop.execute(() -> finished(call, envelope, bytes));
        });
  }

  private void finished(OpenCalls.Call call, byte[][] envelope, byte[] reply) {
    queued--;
    requests.resume();
    if (open.close(call)) {
      send(envelope, reply);
    }
  }

  /** Answers a request whose args are malformed; drops what cannot be answered. */
  private void refuse(List<byte[]> frames, MalformedEventException e) {
    if (e.request() == null) {
      malformed.warn(
          "dropped a malformed event from {}: {}", peer(frames), Excerpt.escape(e.getMessage()));
      return;
    }
    Event reply = Event.err(ids.next(), e.request(), "InvalidArgs", e.getMessage(), "");
    send(envelope(frames), codec.encode(reply));
  }

  private byte[] encode(Event reply, MessageId request) {
    byte[] payload;
    try {
      payload = codec.encode(reply);
    } catch (IllegalArgumentException e) {
      return codec.encode(Event.err(ids.next(), request, "EncodeError", e.getMessage(), ""));
    }
    if (payload.length > maxReplyBytes) {
      String message =
          "the reply of " + payload.length + " bytes is over the limit of " + maxReplyBytes;
      return codec.encode(Event.err(ids.next(), request, "ReplyTooLarge", message, ""));
    }
    return payload;
  }

  private void heartbeat(MessageId request, byte[][] envelope) {
    send(envelope, codec.encode(Event.heartbeat(ids.next(), request)));
  }

  private void send(byte[][] envelope, byte[] payload) {
    outbox.send(envelope, payload);
  }

  /** Replies wait only while ZeroMQ's queue to their peer is full: any wake-up may end that. */
  private void flushWaiting() {
    if (outbox.isWaiting()) {
      outbox.flush();
    }
  }

  /** The route back: every frame before the payload, ending with the empty delimiter. */
  private static byte[][] envelope(List<byte[]> frames) {
    int routes = frames.size() - 1;
    boolean delimited = routes > 1 && frames.get(routes - 1).length == 0;
    byte[][] envelope = new byte[delimited ? routes : routes + 1][];
    for (int i = 0; i < routes; i++) {
      envelope[i] = frames.get(i);
    }
    if (!delimited) {
      envelope[routes] = EMPTY;
    }
    return envelope;
  }

  private static String peer(List<byte[]> frames) {
    return HexFormat.of().formatHex(frames.get(0));
  }
}
