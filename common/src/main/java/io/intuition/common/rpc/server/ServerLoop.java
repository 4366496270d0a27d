package io.intuition.common.rpc.server;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MalformedEventException;
import io.intuition.common.codec.MessageId;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.zmq.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The thread that owns the ROUTER socket: receives requests, hands them to the worker, sends the
 * replies the worker posts back, and heartbeats every open call.
 */
final class ServerLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ServerLoop.class);
  private static final long TICK_MS = 250;
  private static final byte[] EMPTY = new byte[0];

  private final ZMQ.Socket socket;
  private final Mailbox<Outgoing> outbox;
  private final ExecutorService worker;
  private final EventCodec codec;
  private final MessageIds ids;
  private final Dispatcher dispatcher;
  private final OpenCalls open;
  private final ZMQ.Poller poller;
  private volatile boolean running = true;

  ServerLoop(
      ZContext context,
      ZMQ.Socket socket,
      ExecutorService worker,
      Dispatcher dispatcher,
      MessageIds ids,
      long heartbeatIntervalMs) {
    this.socket = socket;
    this.worker = worker;
    this.dispatcher = dispatcher;
    this.ids = ids;
    this.codec = new EventCodec();
    this.outbox = new Mailbox<>();
    this.open = new OpenCalls(TimeUnit.MILLISECONDS.toNanos(heartbeatIntervalMs));
    this.poller = context.createPoller(2);
    poller.register(socket, ZMQ.Poller.POLLIN);
    poller.register(outbox.channel(), ZMQ.Poller.POLLIN);
  }

  /** Asks the loop to finish; it exits within one tick. Any thread. */
  void stop() {
    running = false;
    outbox.wakeUp();
  }

  @Override
  public void run() {
    long nextTick = System.nanoTime();
    try {
      while (running && !Thread.currentThread().isInterrupted()) {
        poller.poll(TICK_MS);
        receiveAll();
        sendReplies();
        long now = System.nanoTime();
        if (now - nextTick >= 0) {
          open.heartbeatDue(now, this::heartbeat);
          nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MS);
        }
      }
    } catch (RuntimeException e) {
      if (running) {
        log.error("RPC server loop failed", e);
      }
    } finally {
      sendReplies();
      poller.close();
      outbox.close();
    }
  }

  private void receiveAll() {
    List<byte[]> frames = new ArrayList<>(3);
    while (receive(frames)) {
      handle(frames);
      frames.clear();
    }
  }

  private boolean receive(List<byte[]> frames) {
    byte[] frame = socket.recv(ZMQ.DONTWAIT);
    if (frame == null) {
      return false;
    }
    frames.add(frame);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv(0));
    }
    return true;
  }

  private void handle(List<byte[]> frames) {
    Event event;
    try {
      event = codec.decode(frames.get(frames.size() - 1));
    } catch (MalformedEventException e) {
      log.warn("dropped a malformed event from {}: {}", peer(frames), e.getMessage());
      return;
    }
    if (!event.isRequest()) {
      return; // heartbeats and stream flow control from callers need no answer
    }
    byte[][] envelope = envelope(frames);
    if (Dispatcher.isBuiltIn(event)) {
      send(envelope, encode(dispatcher.reply(event), event.id()));
      return;
    }
    open.open(event.id(), envelope, System.nanoTime());
    try {
      worker.execute(() -> outbox.post(run(event, envelope)));
    } catch (RejectedExecutionException e) {
      open.close(event.id()); // stopping: the caller's timeout tells it
    }
  }

  private Outgoing run(Event request, byte[][] envelope) {
    return new Outgoing(envelope, request.id(), encode(dispatcher.reply(request), request.id()));
  }

  private byte[] encode(Event reply, MessageId request) {
    try {
      return codec.encode(reply);
    } catch (IllegalArgumentException e) {
      return codec.encode(Event.err(ids.next(), request, "EncodeError", e.getMessage(), ""));
    }
  }

  private void sendReplies() {
    outbox.clearSignal();
    for (Outgoing reply = outbox.take(); reply != null; reply = outbox.take()) {
      open.close(reply.request());
      send(reply.envelope(), reply.payload());
    }
  }

  private void heartbeat(MessageId request, byte[][] envelope) {
    send(envelope, codec.encode(Event.heartbeat(ids.next(), request)));
  }

  private void send(byte[][] envelope, byte[] payload) {
    for (byte[] frame : envelope) {
      socket.sendMore(frame);
    }
    socket.send(payload, 0);
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
    return java.util.HexFormat.of().formatHex(frames.get(0));
  }
}
