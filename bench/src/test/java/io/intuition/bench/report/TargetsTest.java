package io.intuition.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final Percentiles SLOW = new Percentiles(1_000, 2_000, 9_000, 9_500, 9_900);

  @Test
  void check_allWithinTheirTargets_areAllMetAndEachIsReported() {
    List<Report.Target> targets = Targets.check(new GoodReport().build());

    assertThat(targets).allMatch(Report.Target::met, "met");
    assertThat(targets)
        .extracting(Report.Target::name)
        .containsExactly(
            "suite throughput, warm",
            "suite throughput, cold",
            "pipelined RPC at window 256",
            "sequential RPC p50",
            "suite p99 at 1,000 quotes/s",
            "suite p99 / broker p99 at 1,000/s",
            "bridge-service peak RSS",
            "algo-service peak RSS",
            "bridge CPU per quote, warm",
            "algo CPU per quote, warm",
            "(bridge + algo) CPU / mosquitto's",
            "overload, mosquitto 2.0.21: answered",
            "overload, mosquitto 2.0.21: bridge RSS",
            "hostile: one 100 MiB frame",
            "hostile: one 100 MiB frame: algo RSS");
  }

  @Test
  void check_eachOutsideItsTarget_isMissed() {
    GoodReport bad = new GoodReport();
    bad.suiteToCeiling = 0.79;
    bad.coldToCeiling = 0.49;
    bad.latency =
        List.of(
            new LatencyRun("suite", 1_000, 30, 1_000, SLOW),
            new LatencyRun("broker", 1_000, 30, 1_000, GoodReport.FAST));
    bad.rpc = GoodReport.rpc(20_000, SLOW);
    bad.usage = List.of(new Usage("bridge-service", 151, 1, 1));
    bad.cpu = new CpuPerQuote(41, 16, 10.0, 5.7);
    bad.overload =
        List.of(
            new OverloadRun("mosquitto 2.0.11", "/m", 200_000, 199_999, 3, 30, 151, null, 9L, 0L));
    bad.hostile = List.of(new HostileRun("event", false, "answered OK", true, 5L, 151));

    assertThat(Targets.check(bad.build())).hasSize(14).noneMatch(Report.Target::met);
  }

  @Test
  void check_latencyWithQuotesMissing_isMissedHoweverFast() {
    GoodReport partial = new GoodReport();
    partial.latency =
        List.of(
            new LatencyRun("suite", 1_000, 30, 1_000, new Percentiles(990, 100, 800, 900, 950)),
            new LatencyRun("broker", 1_000, 30, 1_000, GoodReport.BROKER));

    assertThat(Targets.check(partial.build()))
        .filteredOn(target -> target.name().startsWith("suite p99"))
        .hasSize(2)
        .noneMatch(Report.Target::met);
  }

  @Test
  void check_suiteP99_isComparedWithTheBrokerAloneInTheSameRun() {
    GoodReport report = new GoodReport();
    report.latency =
        List.of(
            new LatencyRun("suite", 1_000, 30, 1_000, new Percentiles(1_000, 10, 3_100, 0, 0)),
            new LatencyRun("broker", 1_000, 30, 1_000, new Percentiles(1_000, 10, 1_000, 0, 0)));

    assertThat(Targets.check(report.build()))
        .filteredOn(target -> target.name().equals("suite p99 / broker p99 at 1,000/s"))
        .singleElement()
        .satisfies(target -> assertThat(target.met()).isFalse())
        .satisfies(target -> assertThat(target.measured()).isEqualTo("3.1 x (3.10 / 1.00 ms)"));
  }

  @Test
  void check_bridgeThatDiedInTheOverload_missesItsRssTargetAndSaysHow() {
    GoodReport report = new GoodReport();
    report.overload =
        List.of(
            new OverloadRun("mosquitto 2.0.11", "/m", 200_000, 80_000, 0, 30, 120, 3, null, null));

    assertThat(Targets.check(report.build()))
        .filteredOn(target -> target.name().startsWith("overload"))
        .extracting(Report.Target::measured, Report.Target::met)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("80,000 of 200,000", false),
            org.assertj.core.groups.Tuple.tuple("120 MB, exited 3", false));
  }

  @Test
  void check_quotesTheAlgoAnsweredStale_countAsAnsweredAndAreNamed() {
    assertThat(answeredTarget(198_483, 1_517))
        .isEqualTo(
            org.assertj.core.groups.Tuple.tuple("198,483 of 200,000, 1,517 more stale", true));
  }

  @Test
  void check_quotesWithNeitherAnOrderSeenNorAStaleCount_missTheTargetAndAreCounted() {
    assertThat(answeredTarget(183_504, 16_435))
        .isEqualTo(
            org.assertj.core.groups.Tuple.tuple(
                "183,504 of 200,000, 16,435 more stale, 61 unseen", false));
  }

  /** What the overload's answered target measured, and whether met, for 200,000 quotes sent. */
  private static org.assertj.core.groups.Tuple answeredTarget(long answered, long stale) {
    GoodReport report = new GoodReport();
    report.overload =
        List.of(
            new OverloadRun(
                "mosquitto 2.0.11", "/m", 200_000, answered, 0, 30, 120, null, 9L, stale));
    Report.Target target =
        Targets.check(report.build()).stream()
            .filter(t -> t.name().endsWith(": answered"))
            .findFirst()
            .orElseThrow();
    return org.assertj.core.groups.Tuple.tuple(target.measured(), target.met());
  }

  @Test
  void check_withoutTheBrokersCpu_hasNoRatioTarget() {
    GoodReport external = new GoodReport();
    external.cpu = new CpuPerQuote(30, 10, null, null);

    assertThat(Targets.check(external.build()))
        .extracting(Report.Target::name)
        .contains("bridge CPU per quote, warm")
        .doesNotContain("(bridge + algo) CPU / mosquitto's");
  }
}
