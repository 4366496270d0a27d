package io.intuition.bridge.forward;

import io.intuition.common.codec.Values;
import io.intuition.common.rpc.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initializes the algorithm: calls {@code initialize} with the configured params and reads the
 * channels it answers. Runs on the forwarder's thread; answers come back through {@code
 * forwarderThread}. An unreachable algorithm is tried again with {@code backoff}; a refusal, or an
 * answer that is not a list of channel names, is final.
 */
final class Handshake {
  private static final Logger log = LoggerFactory.getLogger(Handshake.class);

  private final Map<String, Object> params;
  private final Algo algo;
  private final Executor forwarderThread;
  private final Backoff backoff;
  private boolean pending;
  private boolean succeededOnce;

  Handshake(Map<String, Object> params, Algo algo, Executor forwarderThread, Backoff backoff) {
    this.params = params;
    this.algo = algo;
    this.forwarderThread = forwarderThread;
    this.backoff = backoff;
  }

  /** Whether a call to {@code initialize} awaits its answer. */
  boolean isPending() {
    return pending;
  }

  /**
   * Calls {@code initialize}. {@code ready} gets the channels, {@code refused} the reason it can
   * never succeed; when the algorithm is unreachable, neither is called and the backoff grows.
   */
  void start(Consumer<List<String>> ready, Consumer<String> refused) {
    pending = true;
    algo.initialize(params)
        .whenComplete(
            (result, error) ->
                forwarderThread.execute(() -> answered(result, error, ready, refused)));
  }

  private void answered(
      Object result, Throwable error, Consumer<List<String>> ready, Consumer<String> refused) {
    pending = false;
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (cause instanceof RemoteException remote) {
      refused.accept(
          "algo refused initialize: " + remote.errorName() + ": " + remote.remoteMessage());
      return;
    }
    if (cause != null) {
      if (backoff.isDue(System.nanoTime()) && !succeededOnce) {
        log.warn("waiting for algo at {} ({})", algo.address(), cause.getMessage());
      }
      backoff.failed(System.nanoTime());
      return;
    }
    List<String> channels = channels(result);
    if (channels == null) {
      refused.accept("algo initialize must return a list of channel names, but returned " + result);
      return;
    }
    log.info("algo at {} initialized with {}: channels {}", algo.address(), params, channels);
    succeededOnce = true;
    backoff.succeeded();
    ready.accept(channels);
  }

  private static List<String> channels(Object result) {
    if (!(result instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> channels = new ArrayList<>();
    for (Object item : list) {
      String channel = Values.text(item);
      if (channel == null || channel.isBlank()) {
        return null;
      }
      channels.add(channel);
    }
    return channels;
  }
}
