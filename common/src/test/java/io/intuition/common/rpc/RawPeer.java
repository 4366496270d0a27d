package io.intuition.common.rpc;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import java.time.Duration;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A DEALER that sends whatever frames a test gives it, with a context of its own, and reads what
 * the server sends back: each reply must be a well-formed event, whatever was sent. One thread.
 */
final class RawPeer implements AutoCloseable {
  private static final byte[] DELIMITER = new byte[0];

  private final EventCodec codec = new EventCodec();
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
  private long bytesSent;

  RawPeer(String address) {
    dealer.setLinger(0);
    dealer.connect(address);
  }

  /** Sends one message of these frames, the last being what the server decodes. */
  void send(List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      dealer.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
      bytesSent += frames.get(i).length;
    }
  }

  /**
   * Sends {@code request} as a zerorpc client does and returns its reply, reading past the replies
   * and heartbeats to earlier messages; null if none came within {@code limit}.
   *
   * @throws io.intuition.common.codec.MalformedEventException if the server sent something that is
   *     not an event
   */
  Event call(Event request, Duration limit) {
    send(request);
    return replyTo(request, limit);
  }

  /** Sends {@code request} as a zerorpc client does. */
  void send(Event request) {
    send(List.of(DELIMITER, codec.encode(request)));
  }

  /** The reply to {@code request}, reading past others and heartbeats; null if none in time. */
  Event replyTo(Event request, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (long left = limit.toMillis();
        left > 0;
        left = (deadline - System.nanoTime()) / 1_000_000) {
      Event reply = receive(left);
      if (reply != null && request.id().equals(reply.responseTo())) {
        return reply;
      }
    }
    return null;
  }

  /** Whether nothing at all arrives for {@code quiet}; else reads what came and what is there. */
  boolean isSilentFor(Duration quiet) {
    if (receive(quiet.toMillis()) == null) {
      return true;
    }
    while (receive(1) != null) {
      // reading what waits, so that the next wait is for what comes next
    }
    return false;
  }

  /** The bytes of every frame sent so far. */
  long bytesSent() {
    return bytesSent;
  }

  /** The next event the server sent, or null if none came within {@code millis}. */
  private Event receive(long millis) {
    dealer.setReceiveTimeOut((int) millis);
    byte[] frame = dealer.recv();
    if (frame == null) {
      return null;
    }
    while (dealer.hasReceiveMore()) {
      frame = dealer.recv(); // routing frames echoed back come first: the event is the last
    }
    return codec.decode(frame);
  }

  @Override
  public void close() {
    context.close();
  }
}
