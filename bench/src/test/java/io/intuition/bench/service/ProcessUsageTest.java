package io.intuition.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {

  @Test
  void of_thisProcess_hasAResidentSetAndCpuTime() throws IOException {
    assumeTrue(ProcessUsage.isAvailable(), "needs Linux's /proc");

    ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid());

    assertThat(usage.peakRssBytes()).isGreaterThan(1_000_000);
    assertThat(usage.userSeconds() + usage.systemSeconds()).isPositive();
  }

  @Test
  void since_keepsThePeakAndSubtractsTheCpuTime() {
    ProcessUsage before = new ProcessUsage(100, 1.5, 0.5);
    ProcessUsage after = new ProcessUsage(300, 4.0, 1.0);

    assertThat(after.since(before)).isEqualTo(new ProcessUsage(300, 2.5, 0.5));
  }

  @Test
  void of_aProcessThatIsGone_fails() {
    assumeTrue(ProcessUsage.isAvailable(), "needs Linux's /proc");

    assertThatThrownBy(() -> ProcessUsage.of(Long.MAX_VALUE)).isInstanceOf(IOException.class);
  }
}
