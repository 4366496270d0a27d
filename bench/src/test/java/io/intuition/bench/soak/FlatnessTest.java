package io.intuition.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class FlatnessTest {

  /** Ten samples, 10 s apart, the {@code i}-th of value {@code value.applyAsDouble(i)}. */
  private static List<Flatness.Point> points(IntToDoubleFunction value) {
    List<Flatness.Point> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(new Flatness.Point(60 + 10 * i, value.applyAsDouble(i)));
    }
    return points;
  }

  @Test
  void judge_noiseAroundALevel_isFlat() {
    Trend trend = Flatness.judge(points(i -> 100 + (i % 2 == 0 ? 3 : -3)), 8);

    assertThat(trend.verdict()).isEqualTo(Verdict.FLAT);
    assertThat(trend.min()).isEqualTo(97);
    assertThat(trend.max()).isEqualTo(103);
  }

  @Test
  void judge_steadyRisePastTheFloor_isGrowing() {
    Trend trend = Flatness.judge(points(i -> 100 + i), 8);

    assertThat(trend.change()).isCloseTo(9, within(1e-9));
    assertThat(trend.verdict()).isEqualTo(Verdict.GROWING);
    assertThat(trend.verdict().passes()).isFalse();
  }

  @Test
  void judge_riseWithinTheFloor_isFlat() {
    Trend trend = Flatness.judge(points(i -> 100 + 0.5 * i), 8);

    assertThat(trend.change()).isCloseTo(4.5, within(1e-9));
    assertThat(trend.verdict()).isEqualTo(Verdict.FLAT);
  }

  @Test
  void judge_bigMetric_mayRiseByFivePercentOfItsMean() {
    Trend trend = Flatness.judge(points(i -> 400 + 2 * i), 8);

    assertThat(trend.limit()).isCloseTo(20.45, within(1e-9));
    assertThat(trend.change()).isCloseTo(18, within(1e-9));
    assertThat(trend.verdict()).isEqualTo(Verdict.FLAT);
  }

  @Test
  void judge_oneSpikeAtTheEnd_countsForLessThanLastMinusFirst() {
    Trend trend = Flatness.judge(points(i -> i == 9 ? 120 : 100), 12);

    assertThat(trend.last() - trend.first()).isEqualTo(20);
    assertThat(trend.change()).isLessThan(12);
    assertThat(trend.verdict()).isEqualTo(Verdict.FLAT);
  }

  @Test
  void judge_dropPastTheLimit_isFallingAndPasses() {
    Trend trend = Flatness.judge(points(i -> 130 - 2 * i), 8);

    assertThat(trend.verdict()).isEqualTo(Verdict.FALLING);
    assertThat(trend.verdict().passes()).isTrue();
  }

  @Test
  void judge_twoSamples_cannotTellAndFails() {
    Trend trend =
        Flatness.judge(List.of(new Flatness.Point(60, 10), new Flatness.Point(70, 10)), 2);

    assertThat(trend.verdict()).isEqualTo(Verdict.TOO_FEW);
    assertThat(trend.verdict().passes()).isFalse();
  }

  @Test
  void judge_noSample_cannotTell() {
    assertThat(Flatness.judge(List.of(), 2).verdict()).isEqualTo(Verdict.TOO_FEW);
  }
}
