package io.intuition.bench.step;

import io.intuition.common.rpc.client.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

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
    Semaphore room = new Semaphore(window);
    AtomicLong failures = new AtomicLong();
    long calls = 0;
    long start = System.nanoTime();
    long end = start + each.toNanos();
    while (System.nanoTime() - end < 0) {
      room.acquire();
      client
          .call(CALL_TIMEOUT, "event", List.of(Map.of("sid", "GOOG", "quote", 345.1, "ts", ++ts)))
          .whenComplete(
              (answer, error) -> {
                if (error != null) {
                  failures.incrementAndGet();
                }
                room.release();
              });
      calls++;
    }
    room.acquire(window);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + calls + " calls failed");
    }
    Object orders = ((Map<?, ?>) client.invoke("portfolio")).get("orders");
    long fills = ((Number) orders).longValue();
    return new Run(window, fills / seconds, fills, Files.size(stateFile));
  }
}
