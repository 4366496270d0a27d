package io.intuition.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void print_everySection_withTheBrokerVersionInTheHeaderAndEachTargetsVerdict() {
    Report draft = new GoodReport().build();
    Report report = draft.withTargets(Targets.check(draft));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new Table(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(report);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Broker: mosquitto 2.0.21 (/m)")
        .contains("suite, cold: first 1,000 quotes", "suite: quote -> bridge -> algo -> order")
        .contains("Latency", "RPC alone", "CPU per quote: bridge 30.0 us, algo 10.0 us")
        .contains("Overload: 200,000 quotes", "200,000 / 200,000")
        .contains("Hostile input", "one 100 MiB frame", "refused")
        .contains("Steps, seconds", "Targets", "met")
        .doesNotContain("MISSED");
  }
}
