package io.intuition.bench.step;

import io.intuition.bench.report.Percentiles;
import io.intuition.bench.report.RpcRun;
import io.intuition.common.rpc.client.RpcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * RPC alone: {@code event(quote)} calls to the algo-service from one client, first one at a time,
 * then with a window of calls outstanding.
 */
public final class RpcStep {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final long MAX_NANOS = Duration.ofSeconds(60).toNanos();

  private final RpcClient client;
  private final Duration each;
  private long ts;

  /** Calls through {@code client}; each measurement lasts {@code each}. */
  public RpcStep(RpcClient client, Duration each) {
    this.client = client;
    this.each = each;
  }

  /** A quote of its own each time: the algo answers one it saw again from memory, untraded. */
  private Map<String, Object> quote() {
    return Map.of("sid", "GOOG", "quote", 345.1, "ts", ++ts);
  }

  /** Warms up, then measures sequential calls and each window in {@code windows}. */
  public RpcRun run(List<Integer> windows) throws InterruptedException {
    // warm-up, not reported: this JVM's client code is cold, and JIT compiling it takes seconds
    sequential(each);
    pipelined(64, each);
    Histogram sequential = new Histogram(MAX_NANOS, 3);
    double sequentialRate = sequential(each, sequential);
    List<RpcRun.Pipelined> runs = new ArrayList<>();
    for (int window : windows) {
      runs.add(pipelined(window, each));
    }
    return new RpcRun(sequentialRate, Percentiles.ofNanos(sequential), runs);
  }

  private double sequential(Duration length) {
    return sequential(length, new Histogram(MAX_NANOS, 3));
  }

  /** Calls one at a time for {@code length}; returns the calls per second. */
  private double sequential(Duration length, Histogram roundTrips) {
    long calls = 0;
    long start = System.nanoTime();
    long end = start + length.toNanos();
    for (long now = start; now - end < 0; calls++) {
      client.invoke("event", quote());
      long done = System.nanoTime();
      roundTrips.recordValue(Math.min(done - now, MAX_NANOS));
      now = done;
    }
    return calls / ((System.nanoTime() - start) / 1e9);
  }

  private RpcRun.Pipelined pipelined(int window, Duration length) throws InterruptedException {
    Histogram roundTrips = new Histogram(MAX_NANOS, 3);
    Pipeline.Result result =
        Pipeline.run(
            window,
            length,
            () -> client.call(CALL_TIMEOUT, "event", List.of(quote())),
            nanos -> {
              synchronized (roundTrips) {
                roundTrips.recordValue(Math.min(nanos, MAX_NANOS));
              }
            });
    synchronized (roundTrips) {
      return new RpcRun.Pipelined(window, result.perSecond(), Percentiles.ofNanos(roundTrips));
    }
  }
}
