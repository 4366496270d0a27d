package io.intuition.bridge.forward;

import io.intuition.common.log.Excerpt;
import java.util.List;
import java.util.Map;
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
      Answer answer, Throwable error, Consumer<List<String>> ready, Consumer<String> refused) {
    pending = false;
    if (answer instanceof Answer.Channels channels) {
      log.info(
          "algo at {} initialized with {}: channels {}",
          algo.address(),
          params,
          Excerpt.escape(String.valueOf(channels.channels())));
      succeededOnce = true;
      backoff.succeeded();
      ready.accept(channels.channels());
    } else if (answer instanceof Answer.Refused refusal) {
      refused.accept("algo refused initialize: " + refusal.reason());
    } else if (answer instanceof Answer.Moved) {
      backoff.succeeded(); // asked at the old address: ask the new one at once
    } else {
      String reason =
          answer instanceof Answer.Unavailable unavailable
              ? unavailable.reason()
              : String.valueOf(error != null ? error.getMessage() : answer);
      if (backoff.isDue(System.nanoTime()) && !succeededOnce) {
        log.warn("waiting for algo at {} ({})", algo.address(), Excerpt.escape(reason));
      }
      backoff.failed(System.nanoTime());
    }
  }
}
