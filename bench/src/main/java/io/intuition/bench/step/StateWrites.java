package io.intuition.bench.step;

import io.intuition.common.rpc.client.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast an algo-service with {@code --state} fills orders: from a fresh book, {@code event}
 * calls that each fill an order (threshold 0, a small fixed fraction), at each window of calls in
 * flight, for a while; the service saves its state before the replies of each round leave.
 */
public final class StateWrites {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Map<String, Object> FRESH_BOOK =
      Map.of("cash", 1_000_000_000, "threshold", 0, "fraction", 0.0001, "reset", true);

  private final RpcClient client;
  private final Path stateFile;
  private long ts = System.currentTimeMillis() * 1_000;

  /** Calls through {@code client} the algo-service that keeps its state in {@code stateFile}. */
  public StateWrites(RpcClient client, Path stateFile) {
    this.client = client;
    this.stateFile = stateFile;
  }

  /**
   * One window's measurement.
   *
   * @param window calls in flight at most
   * @param fillsPerSecond orders filled, and saved, per second
   * @param fills the orders filled
   * @param stateBytes the state file's size at the end
   */
  public record Run(int window, double fillsPerSecond, long fills, long stateBytes) {}

  /** Measures each window in turn, each from a fresh book, for {@code each}. */
  public List<Run> run(List<Integer> windows, Duration each)
      throws InterruptedException, IOException {
    List<Run> runs = new ArrayList<>();
    for (int window : windows) {
      client.invoke("initialize", FRESH_BOOK);
      runs.add(measure(window, each));
    }
    return runs;
  }

  private Run measure(int window, Duration each) throws InterruptedException, IOException {
    Pipeline.Result result =
        Pipeline.run(
            window,
            each,
            () ->
                client.call(
                    CALL_TIMEOUT,
                    "event",
                    List.of(Map.of("sid", "GOOG", "quote", 345.1, "ts", ++ts))),
            nanos -> {});
    Object orders = ((Map<?, ?>) client.invoke("portfolio")).get("orders");
    long fills = ((Number) orders).longValue();
    return new Run(window, fills / result.seconds(), fills, Files.size(stateFile));
  }
}
