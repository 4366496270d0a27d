package io.intuition.common.rpc.server;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Sends replies over the ROUTER without ever dropping one for a peer that reads them, and without
 * holding unbounded memory for a peer that does not.
 *
 * <p>ZeroMQ queues a few replies per peer (the socket's send limit); when a peer's queue is full,
 * its replies wait here, in order, up to {@value #PEER_BUDGET_BYTES} bytes per peer and {@value
 * #TOTAL_BUDGET_BYTES} in all, and are sent as the peer catches up. Past its budget a peer is not
 * reading what it asked for: its waiting replies are dropped and the drops logged, at most once per
 * {@value #WARN_EVERY_SECONDS} s. Owned by the server's event loop.
 */
final class Outbox {
  static final int PEER_BUDGET_BYTES = 4 * 1024 * 1024;
  static final int TOTAL_BUDGET_BYTES = 16 * 1024 * 1024;
  private static final long WARN_EVERY_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final ZMQ.Socket socket;
  private final Map<ByteBuffer, Waiting> waiting = new HashMap<>();
  private long totalBytes;
  private long dropped;
  private long lastWarning = System.nanoTime() - TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS);

  Outbox(ZMQ.Socket socket) {
    this.socket = socket;
  }

  /** Sends a reply, or keeps it until its peer has room. */
  void send(byte[][] envelope, byte[] payload) {
    ByteBuffer peer = ByteBuffer.wrap(envelope[0]);
    Waiting queue = waiting.get(peer);
    if (queue == null && trySend(envelope, payload) != Result.FULL) {
      return;
    }
    if (queue == null) {
      queue = new Waiting();
      waiting.put(peer, queue);
    }
    keep(queue, envelope, payload);
    flush(peer, queue);
  }

  /** Whether replies wait for their peers, so the loop should call {@link #flush()} soon. */
  boolean isWaiting() {
    return !waiting.isEmpty();
  }

  /** Sends what waits, in order, as far as each peer has room. */
  void flush() {
    for (Iterator<Waiting> queues = waiting.values().iterator(); queues.hasNext(); ) {
      if (drain(queues.next())) {
        queues.remove();
      }
    }
  }

  private void flush(ByteBuffer peer, Waiting queue) {
    if (drain(queue)) {
      waiting.remove(peer);
    }
  }

  /** Sends the queue's replies while the peer has room; returns whether none is left. */
  private boolean drain(Waiting queue) {
    while (!queue.replies.isEmpty()) {
      byte[][] reply = queue.replies.peek();
      if (trySend(reply, reply[reply.length - 1], reply.length - 1) == Result.FULL) {
        return false;
      }
      forget(queue, queue.replies.poll());
    }
    return true;
  }

  private void keep(Waiting queue, byte[][] envelope, byte[] payload) {
    if (queue.bytes + payload.length > PEER_BUDGET_BYTES
        || totalBytes + payload.length > TOTAL_BUDGET_BYTES) {
      drop(queue, envelope[0]);
      return;
    }
    byte[][] reply = java.util.Arrays.copyOf(envelope, envelope.length + 1);
    reply[envelope.length] = payload;
    queue.replies.add(reply);
    queue.bytes += payload.length;
    totalBytes += payload.length;
  }

  private void drop(Waiting queue, byte[] peer) {
    long count = queue.replies.size() + 1L;
    while (!queue.replies.isEmpty()) {
      forget(queue, queue.replies.poll());
    }
    dropped += count;
    long now = System.nanoTime();
    if (now - lastWarning >= TimeUnit.SECONDS.toNanos(WARN_EVERY_SECONDS)) {
      log.warn(
          "peer {} does not read its replies: dropped {} replies to it ({} in all so far)",
          HexFormat.of().formatHex(peer),
          count,
          dropped);
      lastWarning = now;
    }
  }

  private void forget(Waiting queue, byte[][] reply) {
    int bytes = reply[reply.length - 1].length;
    queue.bytes -= bytes;
    totalBytes -= bytes;
  }

  private enum Result {
    SENT,
    FULL,
    GONE
  }

  private Result trySend(byte[][] envelope, byte[] payload) {
    return trySend(envelope, payload, envelope.length);
  }

  /** Sends the first {@code frames} frames of {@code envelope}, then the payload. */
  private Result trySend(byte[][] envelope, byte[] payload, int frames) {
    try {
      if (!socket.send(envelope[0], ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
        // With ROUTER_MANDATORY a full queue says EAGAIN and a peer that has gone EHOSTUNREACH.
        return socket.errno() == ZMQ.Error.EAGAIN.getCode() ? Result.FULL : Result.GONE;
      }
    } catch (ZMQException e) {
      // JeroMQ raises every error but EAGAIN rather than returning false
      if (e.getErrorCode() != ZMQ.Error.EHOSTUNREACH.getCode()) {
        throw e;
      }
      return Result.GONE;
    }
    for (int i = 1; i < frames; i++) {
      socket.send(envelope[i], ZMQ.SNDMORE);
    }
    socket.send(payload, 0);
    return Result.SENT;
  }

  /** The replies waiting for one peer. */
  private static final class Waiting {
    final ArrayDeque<byte[][]> replies = new ArrayDeque<>();
    long bytes;
  }
}
