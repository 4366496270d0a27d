package io.intuition.bench.step;

import io.intuition.bench.report.HostileRun;
import io.intuition.bench.service.Algo;
import io.intuition.bench.service.PeakRss;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hostile input to the algo-service, each case against a fresh one with the given JVM flags: the
 * input, then how long until a fresh client's {@code _zerorpc_ping} is answered, whether the
 * process lives, and its peak resident set.
 */
public final class HostileInput {
  private static final Duration PING_LIMIT = Duration.ofSeconds(60);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
  private static final List<Supplier<HostileCase>> CASES =
      List.of(BigFrame::new, HugeEvent::new, UnreadReplies::new);

  private final Path root;
  private final List<String> jvmFlags;
  private final Path logs;
  private final Progress progress;

  /** Cases against the algo-service of {@code root}, their logs in {@code logs}. */
  public HostileInput(Path root, List<String> jvmFlags, Path logs, Progress progress) {
    this.root = root;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.logs = logs;
    this.progress = progress;
  }

  /**
   * Runs every case.
   *
   * @throws IllegalStateException if an algo-service does not start
   */
  public List<HostileRun> run() throws IOException, InterruptedException {
    List<HostileRun> runs = new ArrayList<>();
    for (Supplier<HostileCase> hostile : CASES) {
      try (HostileCase input = hostile.get()) {
        progress.say("hostile input: %s", input.name());
        runs.add(run(input));
      }
    }
    return runs;
  }

  private HostileRun run(HostileCase input) throws IOException, InterruptedException {
    try (Algo algo = Algo.start(root, jvmFlags, logs, "algo-service-hostile-" + input.id());
        PeakRss rss = PeakRss.watch(algo.process().pid())) {
      try (RpcClient client = RpcClient.connect(algo.address(), PING_LIMIT)) {
        client.invoke("initialize", Map.of("threshold", 0));
      }
      input.send(algo.address());
      long sent = System.nanoTime();
      Long ping = ping(algo.address(), sent, algo.process());
      HostileCase.Outcome outcome = input.outcome(algo.process());
      boolean alive = algo.process().isAlive();
      return new HostileRun(
          input.name(), outcome.refused(), outcome.detail(), alive, ping, rss.peakMb());
    }
  }

  /** Milliseconds from {@code sinceNanos} until a fresh client's ping is answered, or null. */
  private static Long ping(String address, long sinceNanos, ServiceProcess algo) {
    try (RpcClient client = RpcClient.connect(address, PING_TIMEOUT)) {
      while (System.nanoTime() - sinceNanos < PING_LIMIT.toNanos() && algo.isAlive()) {
        try {
          client.invoke("_zerorpc_ping");
          return (System.nanoTime() - sinceNanos) / 1_000_000;
        } catch (RpcException e) {
          // not answered within the call timeout: ask again
        }
      }
    }
    return null;
  }
}
