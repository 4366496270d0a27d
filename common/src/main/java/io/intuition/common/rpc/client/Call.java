package io.intuition.common.rpc.client;

import io.intuition.common.codec.MessageId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A call in progress: its request, its future and its timing. Owned by the client's I/O thread. */
final class Call {
  final MessageId id;
  final String method;
  final byte[] request;
  final Duration timeout;
  final CompletableFuture<Object> result;
  final long deadline;
  boolean sent;
  long lastHeard;
  long lastHeartbeat;

  Call(
      MessageId id,
      String method,
      Duration timeout,
      byte[] request,
      CompletableFuture<Object> result,
      long deadline) {
    this.id = id;
    this.method = method;
    this.timeout = timeout;
    this.request = request;
    this.result = result;
    this.deadline = deadline;
  }

  void sent(long now) {
    sent = true;
    lastHeard = now;
    lastHeartbeat = now;
  }
}
