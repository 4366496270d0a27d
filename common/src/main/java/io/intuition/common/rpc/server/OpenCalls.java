package io.intuition.common.rpc.server;

import io.intuition.common.codec.MessageId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The calls received and not yet answered, so each can be heartbeated while it waits or runs. Owned
 * by the server's I/O thread.
 */
final class OpenCalls {
  private final long intervalNanos;
  private final Map<MessageId, Call> calls = new HashMap<>();

  OpenCalls(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  private static final class Call {
    final byte[][] envelope;
    long nextHeartbeat;

    Call(byte[][] envelope, long nextHeartbeat) {
      this.envelope = envelope;
      this.nextHeartbeat = nextHeartbeat;
    }
  }

  void open(MessageId request, byte[][] envelope, long now) {
    calls.put(request, new Call(envelope, now + intervalNanos));
  }

  /** Forgets the call; returns whether it was open. */
  boolean close(MessageId request) {
    return calls.remove(request) != null;
  }

  /** Calls {@code heartbeat} for every call whose heartbeat is due. */
  void heartbeatDue(long now, BiConsumer<MessageId, byte[][]> heartbeat) {
    for (Map.Entry<MessageId, Call> entry : calls.entrySet()) {
      Call call = entry.getValue();
      if (now - call.nextHeartbeat >= 0) {
        call.nextHeartbeat = now + intervalNanos;
        heartbeat.accept(entry.getKey(), call.envelope);
      }
    }
  }

  int size() {
    return calls.size();
  }
}
