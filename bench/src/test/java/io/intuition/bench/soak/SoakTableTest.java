package io.intuition.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakTableTest {
  private static final SoakSettings SETTINGS =
      new SoakSettings(10, 200, 10, 60, 30, "mosquitto 2.0.21", List.of());

  /** One process whose resident set is judged {@code rss}, the rest flat. */
  private static SoakResult result(String name, Verdict rss, SoakResult.Counts counts) {
    Map<String, Trend> trends = new LinkedHashMap<>();
    trends.put("rss MB", new Trend(55, 100, 99, 130, 130, 25, 8, rss));
    trends.put("fds", new Trend(55, 40, 40, 40, 40, 0, 4, Verdict.FLAT));
    trends.put("threads", new Trend(55, 22, 22, 22, 22, 0, 2, Verdict.FLAT));
    SoakResult.ProcessRun process = new SoakResult.ProcessRun(name, 42, trends, List.of());
    return SoakResult.of("t", SETTINGS, List.of(process), counts, List.of());
  }

  private static String print(SoakResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SoakTable(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(result);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void print_flatAndNothingLost_passesAndCounts() {
    SoakResult result =
        result(
            "algo-service", Verdict.FLAT, new SoakResult.Counts(120_000, 120_000, 120_000, 0, 0));

    assertThat(result.passed()).isTrue();
    assertThat(print(result))
        .contains("algo-service    rss MB")
        .contains("sent 120,000, answered 120,000, lost 0, duplicates 0")
        .contains("passed: no metric grew, no quote lost");
  }

  @Test
  void print_growingMetricAndLostQuotes_failsNamingEach() {
    SoakResult result =
        result(
            "bridge-service",
            Verdict.GROWING,
            new SoakResult.Counts(120_000, 119_000, 118_990, 10, 3));

    assertThat(result.passed()).isFalse();
    assertThat(print(result))
        .contains("sent 119,000, answered 118,990, lost 10, duplicates 3")
        .contains("the feed was to send 120,000")
        .contains("FAILED: bridge-service rss MB growing, 10 quotes lost");
  }
}
