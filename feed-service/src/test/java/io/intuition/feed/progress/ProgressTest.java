package io.intuition.feed.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter out = new StringWriter();

  @Test
  void terminalAndBoundedRun_redrawsABarOnOneLine() {
    Progress progress = Progress.start(OptionalLong.of(10), () -> 4, new PrintWriter(out));
    await().atMost(Duration.ofSeconds(2)).until(() -> out.toString().contains("\r["));
    progress.close();

    assertThat(out.toString())
        .startsWith("\r[")
        .contains("] 4/10  ")
        .endsWith(System.lineSeparator());
    assertThat(out.toString().split("\n", -1)).as("one line, ended once").hasSize(2);
  }

  @Test
  void unboundedRun_drawsNoBarEvenOnATerminal() {
    Progress progress = Progress.start(OptionalLong.empty(), () -> 4, new PrintWriter(out));
    progress.close();

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void summary_namesTheCountTheTimeAndTheRate() {
    try (Progress progress = Progress.start(OptionalLong.of(10), () -> 7, null)) {
      assertThat(progress.summary()).matches("sent 7 quotes in \\d+\\.\\d s, \\d+\\.\\d/s");
    }
  }
}
