package io.intuition.feed.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
  void nextDue_onATerminal_isShownBesideTheBar() {
    Progress progress = Progress.start(OptionalLong.of(10), () -> 4, new PrintWriter(out));
    progress.nextDue(Instant.parse("2024-01-03T00:00:00Z"), Duration.ofMinutes(24));
    await().atMost(Duration.ofSeconds(2)).until(() -> out.toString().contains("next quote"));
    progress.close();

    assertThat(out.toString()).contains("] 4/10  ", "  next quote 2024-01-03 in 2");
  }

  @Test
  void nextDue_withoutATerminal_isLoggedOnce() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Progress.class);
    logger.addAppender(logged);
    logger.setLevel(Level.INFO);
    logged.start();
    try (Progress progress = Progress.start(OptionalLong.of(10), () -> 4, null)) {
      progress.nextDue(Instant.parse("2024-01-03T00:00:00Z"), Duration.ofMinutes(24));
    } finally {
      logger.setLevel(null);
      logger.detachAppender(logged);
    }

    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("next quote 2024-01-03 in 24m00s");
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
