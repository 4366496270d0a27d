package io.intuition.bridge.app;

import io.intuition.bridge.forward.Algo;
import io.intuition.common.rpc.client.RpcClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The algorithm behind a zerorpc client. */
final class RpcAlgo implements Algo {
  private final RpcClient client;
  private final Duration timeout;

  RpcAlgo(RpcClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Object> initialize(Map<String, Object> params) {
    return client.call(timeout, "initialize", List.of(params));
  }

  @Override
  public CompletableFuture<Object> event(Object data) {
    return client.call(timeout, "event", java.util.Collections.singletonList(data));
  }

  @Override
  public String address() {
    return client.address();
  }
}
