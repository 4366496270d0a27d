package io.intuition.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPerQuoteTest {

  @Test
  void of_userAndSystemSecondsOverTheQuotes_givesMicrosecondsEachAndTheRatio() {
    List<Usage> usage =
        List.of(
            new Usage("bridge-service", 100, 3.0, 1.0),
            new Usage("algo-service", 90, 1.5, 0.5),
            new Usage("mosquitto", 10, 1.0, 1.0));

    CpuPerQuote cpu = CpuPerQuote.of(usage, 100_000).orElseThrow();

    assertThat(cpu.bridgeMicros()).isCloseTo(40, within(1e-9));
    assertThat(cpu.algoMicros()).isCloseTo(20, within(1e-9));
    assertThat(cpu.mosquittoMicros()).isCloseTo(20, within(1e-9));
    assertThat(cpu.suiteToBroker()).isCloseTo(3, within(1e-9));
  }

  @Test
  void of_noBrokerMeasured_leavesItAndTheRatioOut() {
    List<Usage> usage =
        List.of(new Usage("bridge-service", 100, 1, 0), new Usage("algo-service", 90, 1, 0));

    CpuPerQuote cpu = CpuPerQuote.of(usage, 1_000).orElseThrow();

    assertThat(cpu.mosquittoMicros()).isNull();
    assertThat(cpu.suiteToBroker()).isNull();
  }

  @Test
  void of_noUsageRead_isEmpty() {
    assertThat(CpuPerQuote.of(List.of(), 1_000)).isEmpty();
  }
}
