package io.intuition.common.rpc.client;

import io.intuition.common.codec.MessageId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A call in progress: its request, its future and its timing. Owned by the client's event loop. */
final class Call {
  final MessageId id;
  final String method;
  final byte[] request;
  final Duration timeout;
  final CompletableFuture<Object> result;
  final long deadline;

  /** Whether the result is wanted still encoded, as a {@link io.intuition.common.codec.Packed}. */
  final boolean packed;

  boolean sent;
  long lastHeard;
  long lastHeartbeat;

  Call(
      MessageId id,
      String method,
      Duration timeout,
      byte[] request,
      CompletableFuture<Object> result,
      boolean packed) {
    this.id = id;
    this.method = method;
    this.timeout = timeout;
    this.request = request;
    this.result = result;
    this.packed = packed;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  void sent(long now) {
    sent = true;
    lastHeard = now;
    lastHeartbeat = now;
  }
}
