package io.intuition.bridge.rpc;

import io.intuition.bridge.forward.Algo;
import io.intuition.bridge.forward.Answer;
import io.intuition.common.codec.Packed;
import io.intuition.common.codec.Values;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.UnsendableCallException;
import io.intuition.common.rpc.client.RpcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The algorithm behind a zerorpc client: turns payloads into calls and the RPC layer's outcomes
 * into {@link Answer}s, so the forwarder sees neither msgpack nor RPC exceptions.
 */
public final class RpcAlgo implements Algo {
  private static final String NOT_INITIALIZED = "NotInitialized";
  private static final Duration PING_LIMIT = Duration.ofSeconds(2);

  private final RpcClient client;
  private final Duration timeout;

  /** The algorithm that {@code client} calls, each call waiting up to {@code timeout}. */
  public RpcAlgo(RpcClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Answer> initialize(Map<String, Object> params) {
    return client
        .call(timeout, "initialize", List.of(params))
        .handle((result, error) -> error == null ? channels(result) : failure(error));
  }

  @Override
  public CompletableFuture<Answer> event(byte[] payload) {
    Packed args;
    try {
      args = new Packed(JsonToMsgpack.args(payload));
    } catch (JsonToMsgpack.InvalidJsonException e) {
      return CompletableFuture.completedFuture(new Answer.Malformed(e.getMessage()));
    }
    return client
        .callPacked(timeout, "event", args)
        .handle((result, error) -> error == null ? orders(result) : failure(error));
  }

  @Override
  public CompletableFuture<String> ping() {
    Duration limit = timeout.compareTo(PING_LIMIT) < 0 ? timeout : PING_LIMIT;
    return client
        .call(limit, "_zerorpc_ping", List.of())
        .handle((result, error) -> error == null ? null : reason(error));
  }

  @Override
  public String address() {
    return client.address();
  }

  /** The client it calls through. */
  RpcClient client() {
    return client;
  }

  private static Answer orders(Packed result) {
    try {
      return new Answer.Orders(MsgpackToJson.orders(result));
    } catch (IllegalArgumentException e) {
      return new Answer.Refused("its answer is not an order: " + e.getMessage());
    }
  }

  private static Answer channels(Object result) {
    List<String> channels = new ArrayList<>();
    if (result instanceof List<?> list) {
      for (Object item : list) {
        String channel = Values.text(item);
        if (channel == null || channel.isBlank()) {
          channels.clear();
          break;
        }
        channels.add(channel);
      }
    }
    if (channels.isEmpty()) {
      return new Answer.Refused(
          "initialize must return a list of channel names, but returned " + result);
    }
    return new Answer.Channels(channels);
  }

  private static String reason(Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    return String.valueOf(cause.getMessage());
  }

  private static Answer failure(Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (cause instanceof RemoteException remote) {
      return remote.errorName().equals(NOT_INITIALIZED)
          ? new Answer.NotInitialized()
          : new Answer.Refused(remote.errorName() + ": " + remote.remoteMessage());
    }
    if (cause instanceof UnsendableCallException) {
      return new Answer.Malformed("cannot forward it: " + cause.getMessage());
    }
    return new Answer.Unavailable(String.valueOf(cause.getMessage()));
  }
}
