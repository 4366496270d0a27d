package io.intuition.bench.report;

import java.util.List;
import java.util.Map;

/** A report meeting every target, for tests to spoil one measurement at a time. */
final class GoodReport {
  static final Percentiles FAST = new Percentiles(1_000, 100, 800, 900, 950);
  static final Percentiles BROKER = new Percentiles(1_000, 100, 400, 450, 500);

  double coldToCeiling = 0.6;
  double suiteToCeiling = 0.85;
  List<LatencyRun> latency =
      List.of(
          new LatencyRun("suite", 1_000, 30, 1_000, FAST),
          new LatencyRun("broker", 1_000, 30, 1_000, BROKER));
  RpcRun rpc = rpc(250_000, FAST);
  List<Usage> usage =
      List.of(new Usage("bridge-service", 120, 1, 1), new Usage("algo-service", 90, 1, 0));
  CpuPerQuote cpu = new CpuPerQuote(30, 10, 30.0, 40 / 30.0);
  List<OverloadRun> overload =
      List.of(
          new OverloadRun("mosquitto 2.0.21", "/m", 200_000, 200_000, 0, 30, 120, null, 0L, 0L));
  List<HostileRun> hostile =
      List.of(new HostileRun("one 100 MiB frame", true, "dropped", true, 12L, 90));

  static RpcRun rpc(double perSecondAt256, Percentiles sequential) {
    return new RpcRun(5_000, sequential, List.of(new RpcRun.Pipelined(256, perSecondAt256, FAST)));
  }

  Report build() {
    Throughput ceiling = new Throughput(1_000, 1_000, 1);
    return new Report(
        "20260101-000000",
        new Report.Machine(2, "17", "Linux"),
        new Report.Settings(
            1_000,
            1_000,
            200_000,
            0,
            List.of(1_000),
            30,
            5,
            List.of(256),
            1_000,
            1_000,
            List.of(),
            "tcp://127.0.0.1:1883"),
        new Report.Broker("tcp://127.0.0.1:1883", "/m", "2.0.21"),
        ceiling,
        new ColdRun(2, ceiling),
        coldToCeiling,
        ceiling,
        suiteToCeiling,
        latency,
        rpc,
        usage,
        cpu,
        null,
        overload,
        hostile,
        Map.of("ceiling", 1.0),
        List.of(),
        List.of());
  }
}
