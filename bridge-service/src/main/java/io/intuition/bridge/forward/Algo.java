package io.intuition.bridge.forward;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The algorithm as the forwarder calls it: the two methods of the original zerorpc service. */
public interface Algo {
  /** Starts a run; completes with the list of channels to subscribe to. */
  CompletableFuture<Object> initialize(Map<String, Object> params);

  /** Hands over one message; completes with an order, a list of orders, or null. */
  CompletableFuture<Object> event(Object data);

  /** Where the algorithm is, for logs. */
  String address();
}
