package io.intuition.bench.report;

import java.util.List;

/**
 * Everything one bench run measured, as written to {@code bench-results/<timestamp>.json}.
 *
 * @param timestamp when the run started, ISO-8601
 * @param machine what it ran on
 * @param settings how it was run
 * @param ceiling the broker alone: N quotes from one publisher to one subscriber
 * @param suite the same N quotes through bridge and algo, until the last order arrived
 * @param suiteToCeiling {@code suite / ceiling} quotes/s
 * @param latency suite and broker-alone latency at each offered rate
 * @param rpc RPC alone
 * @param usage what the bridge and the algo used during the suite throughput step
 * @param targets each target and whether this run met it
 */
public record Report(
    String timestamp,
    Machine machine,
    Settings settings,
    Throughput ceiling,
    Throughput suite,
    double suiteToCeiling,
    List<LatencyRun> latency,
    RpcRun rpc,
    List<Usage> usage,
    List<Target> targets) {

  /**
   * The machine.
   *
   * @param cores the processors the JVM sees
   * @param java the bench's Java version
   * @param os the operating system and architecture
   */
  public record Machine(int cores, String java, String os) {

    /** This machine. */
    public static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
  }

  /**
   * How the run was made.
   *
   * @param quotes N, the quotes of the throughput steps
   * @param warmUp the quotes (and calls) sent first and not measured
   * @param rates the offered rates of the latency step, quotes/s
   * @param latencySeconds how long each rate was offered
   * @param rpcSeconds how long each RPC measurement lasted
   * @param windows the pipelined RPC windows
   * @param publishWindow the publisher's QoS 1 publishes in flight at most
   * @param bridgeWindow the bridge's calls in flight at most
   * @param serviceJvmFlags the JVM flags of the bridge and the algo
   * @param broker the broker's address
   */
  public record Settings(
      long quotes,
      long warmUp,
      List<Integer> rates,
      double latencySeconds,
      double rpcSeconds,
      List<Integer> windows,
      int publishWindow,
      int bridgeWindow,
      List<String> serviceJvmFlags,
      String broker) {}

  /**
   * One target of the suite.
   *
   * @param name what is measured
   * @param goal the target, in words
   * @param measured this run's value, in words
   * @param met whether this run met it
   */
  public record Target(String name, String goal, String measured, boolean met) {}
}
