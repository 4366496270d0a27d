package io.intuition.common.rpc.server;

import io.intuition.common.codec.MessageId;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The calls received and not yet answered, so each can be heartbeated while it waits or runs. Owned
 * by the server's I/O thread.
 */
final class OpenCalls {
  private final long intervalNanos;

  /** By identity: two callers may use the same message id, and each call is answered alone. */
  private final Set<Call> calls = new HashSet<>();

  OpenCalls(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** One call received and not yet answered. */
  static final class Call {
    private final MessageId request;
    private final byte[][] envelope;
    private long nextHeartbeat;

    private Call(MessageId request, byte[][] envelope, long nextHeartbeat) {
      this.request = request;
      this.envelope = envelope;
      this.nextHeartbeat = nextHeartbeat;
    }
  }

  /** Opens a call of {@code request} from the caller at {@code envelope}. */
  Call open(MessageId request, byte[][] envelope, long now) {
    Call call = new Call(request, envelope, now + intervalNanos);
    calls.add(call);
    return call;
  }

  /** Forgets the call; returns whether it was open. */
  boolean close(Call call) {
    return calls.remove(call);
  }

  /** Calls {@code heartbeat} for every call whose heartbeat is due. */
  void heartbeatDue(long now, BiConsumer<MessageId, byte[][]> heartbeat) {
    for (Call call : calls) {
      if (now - call.nextHeartbeat >= 0) {
        call.nextHeartbeat = now + intervalNanos;
        heartbeat.accept(call.request, call.envelope);
      }
    }
  }

  int size() {
    return calls.size();
  }
}
