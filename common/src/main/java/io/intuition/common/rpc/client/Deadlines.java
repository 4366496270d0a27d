package io.intuition.common.rpc.client;

import io.intuition.common.rpc.RpcTimeoutException;
import java.util.concurrent.TimeUnit;

/** When calls give up waiting, and how they say so. */
final class Deadlines {
  private Deadlines() {}

  /**
   * Fails a sent call whose timeout has passed or whose server stopped heartbeating.
   *
   * @return whether it failed
   */
  static boolean expire(Call call, long now, long heartbeatNanos) {
    RpcTimeoutException expired = null;
    if (now - call.deadline >= 0) {
      expired = timeout(call);
    } else if (now - call.lastHeard >= 3 * heartbeatNanos) {
      expired =
          new RpcTimeoutException(
              call.method
                  + ": lost remote after "
                  + TimeUnit.NANOSECONDS.toMillis(now - call.lastHeard)
                  + " ms without heartbeat");
    }
    if (expired == null) {
      return false;
    }
    call.result.completeExceptionally(expired);
    return true;
  }

  /**
   * Fails a call still waiting for a connection once its timeout has passed.
   *
   * @return whether it failed
   */
  static boolean expireUnsent(Call call, long now) {
    if (now - call.deadline < 0) {
      return false;
    }
    call.result.completeExceptionally(timeout(call));
    return true;
  }

  static RpcTimeoutException connectionLost(Call call) {
    return new RpcTimeoutException(
        call.method + ": connection to the server lost; the call may or may not have run");
  }

  private static RpcTimeoutException timeout(Call call) {
    String state = call.sent ? "no reply" : "not connected to the server";
    return new RpcTimeoutException(
        call.method + " timed out after " + call.timeout.toMillis() + " ms (" + state + ")");
  }
}
