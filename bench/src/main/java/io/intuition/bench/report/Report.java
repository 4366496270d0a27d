package io.intuition.bench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, as written to {@code bench-results/<timestamp>.json}.
 *
 * @param timestamp when the run started, ISO-8601
 * @param machine what it ran on
 * @param settings how it was run
 * @param broker the broker of the throughput, latency and original-stack steps
 * @param ceiling the broker alone: N quotes from one publisher to one subscriber
 * @param cold the suite's first quotes after a fresh start
 * @param coldToCeiling {@code cold / ceiling} quotes/s
 * @param suite the same N quotes through bridge and algo, warm, until the last order arrived
 * @param suiteToCeiling {@code suite / ceiling} quotes/s
 * @param latency suite and broker-alone latency at each offered rate
 * @param rpc RPC alone
 * @param usage what the bridge, the algo and the broker used during the warm throughput step
 * @param cpuPerQuote that CPU time per quote, or null where it could not be read
 * @param original the original-style stack, or null when it could not run (see notes)
 * @param overload quotes far past the suite's capacity, one run per broker
 * @param hostile hostile input to the algo-service, one run per case
 * @param stepSeconds how long each step took, in the order they ran
 * @param notes what the reader should know about this run, such as a step skipped and why
 * @param targets each target and whether this run met it
 */
public record Report(
    String timestamp,
    Machine machine,
    Settings settings,
    Broker broker,
    Throughput ceiling,
    ColdRun cold,
    double coldToCeiling,
    Throughput suite,
    double suiteToCeiling,
    List<LatencyRun> latency,
    RpcRun rpc,
    List<Usage> usage,
    CpuPerQuote cpuPerQuote,
    OriginalRun original,
    List<OverloadRun> overload,
    List<HostileRun> hostile,
    Map<String, Double> stepSeconds,
    List<String> notes,
    List<Target> targets) {

  /** Copies the lists. */
  public Report {
    latency = List.copyOf(latency);
    usage = List.copyOf(usage);
    overload = List.copyOf(overload);
    hostile = List.copyOf(hostile);
    stepSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stepSeconds));
    notes = List.copyOf(notes);
    targets = List.copyOf(targets);
  }

  /** This report with {@code targets}. */
  public Report withTargets(List<Target> targets) {
    return new Report(
        timestamp,
        machine,
        settings,
        broker,
        ceiling,
        cold,
        coldToCeiling,
        suite,
        suiteToCeiling,
        latency,
        rpc,
        usage,
        cpuPerQuote,
        original,
        overload,
        hostile,
        stepSeconds,
        notes,
        targets);
  }

  /**
   * The broker.
   *
   * @param address its address
   * @param binary the executable the bench started, or null for a broker given with --mqtt
   * @param version the version that binary reports, or null when unknown
   */
  public record Broker(String address, String binary, String version) {

    /** {@code mosquitto 2.0.21 (/usr/sbin/mosquitto)}, or the address of an external broker. */
    public String label() {
      return version == null
          ? "external broker at " + address + ", version unknown"
          : "mosquitto " + version + " (" + binary + ")";
    }
  }

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
   * @param coldQuotes the quotes of the cold throughput step
   * @param overloadQuotes the quotes of the overload step, 0 when it was skipped
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
      long coldQuotes,
      long overloadQuotes,
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
