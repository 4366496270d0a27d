package io.intuition.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final Percentiles FAST = new Percentiles(1_000, 100, 800, 900, 950);
  private static final Percentiles SLOW = new Percentiles(1_000, 2_000, 9_000, 9_500, 9_900);

  @Test
  void check_allWithinTheirTargets_areAllMet() {
    List<Report.Target> targets =
        Targets.check(
            0.85,
            List.of(new LatencyRun("suite", 1_000, 30, 1_000, FAST)),
            rpc(250_000, FAST),
            List.of(new Usage("bridge-service", 120, 1, 1)));

    assertThat(targets).hasSize(5).allMatch(Report.Target::met);
  }

  @Test
  void check_eachOutsideItsTarget_isMissed() {
    List<Report.Target> targets =
        Targets.check(
            0.5,
            List.of(new LatencyRun("suite", 1_000, 30, 1_000, SLOW)),
            rpc(20_000, SLOW),
            List.of(new Usage("bridge-service", 151, 1, 1)));

    assertThat(targets).hasSize(5).noneMatch(Report.Target::met);
  }

  @Test
  void check_latencyWithQuotesMissing_isMissedHoweverFast() {
    Percentiles partial = new Percentiles(990, 100, 800, 900, 950);

    List<Report.Target> targets =
        Targets.check(
            1,
            List.of(new LatencyRun("suite", 1_000, 30, 1_000, partial)),
            rpc(1, FAST),
            List.of());

    assertThat(targets)
        .filteredOn(target -> target.name().startsWith("suite p99"))
        .singleElement()
        .matches(target -> !target.met());
  }

  private static RpcRun rpc(double perSecondAt256, Percentiles sequential) {
    return new RpcRun(5_000, sequential, List.of(new RpcRun.Pipelined(256, perSecondAt256, FAST)));
  }
}
