package io.intuition.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.intuition.bench.service.ProcessUsage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleTest {
  private static final String STATUS =
      String.join(
          "\n",
          "Name:\tjava",
          "State:\tS (sleeping)",
          "Pid:\t4242",
          "VmPeak:\t 3790424 kB",
          "VmHWM:\t  131072 kB",
          "VmRSS:\t  102400 kB",
          "RssAnon:\t   81920 kB",
          "Threads:\t22",
          "SigQ:\t0/7823",
          "");

  @Test
  void parse_statusText_readsTheResidentSetInBytesAndTheThreads() {
    Optional<Sample> sample = Sample.parse(10, STATUS, 40);

    assertThat(sample).contains(new Sample(10, 102_400L * 1024, 40, 22));
  }

  @Test
  void parse_zombieWithoutMemory_isEmpty() {
    String zombie = "Name:\tjava\nState:\tZ (zombie)\nThreads:\t1\n";

    assertThat(Sample.parse(10, zombie, 0)).isEmpty();
  }

  @Test
  void read_thisProcess_hasMemoryFdsAndThreads() {
    assumeTrue(ProcessUsage.isAvailable(), "needs Linux's /proc");

    Sample sample = Sample.read(ProcessHandle.current().pid(), 1.5).orElseThrow();

    assertThat(sample.seconds()).isEqualTo(1.5);
    assertThat(sample.rssBytes()).isGreaterThan(1_000_000);
    assertThat(sample.fds()).isGreaterThanOrEqualTo(3);
    assertThat(sample.threads()).isGreaterThan(1);
  }

  @Test
  void read_aProcessThatIsGone_isEmpty() {
    assumeTrue(ProcessUsage.isAvailable(), "needs Linux's /proc");

    assertThat(Sample.read(Long.MAX_VALUE, 0)).isEmpty();
  }
}
