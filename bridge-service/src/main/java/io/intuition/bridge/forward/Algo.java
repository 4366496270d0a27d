package io.intuition.bridge.forward;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The algorithm as the forwarder calls it: the two methods of the original zerorpc service. The
 * futures never fail: every outcome is an {@link Answer}.
 */
public interface Algo {
  /** Starts a run; completes with {@link Answer.Channels}, a refusal or unavailability. */
  CompletableFuture<Answer> initialize(Map<String, Object> params);

  /**
   * Hands over one message, its payload as received (JSON); completes with the orders, or why there
   * are none.
   */
  CompletableFuture<Answer> event(byte[] payload);

  /**
   * Asks whether the algorithm answers at all (zerorpc's {@code _zerorpc_ping}); completes with
   * null when it does, else with why not. Never fails.
   */
  default CompletableFuture<String> ping() {
    return CompletableFuture.completedFuture(null);
  }

  /** Where the algorithm is, for logs. */
  String address();
}
