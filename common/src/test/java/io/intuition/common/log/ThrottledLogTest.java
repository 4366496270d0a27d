package io.intuition.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledLogTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private long now = 1_000_000_000L;
  private final List<Runnable> reports = new ArrayList<>();
  private ThrottledLog warnings;

  @BeforeEach
  void capture() {
    Logger logger = (Logger) LoggerFactory.getLogger("throttled-" + System.nanoTime());
    logger.setAdditive(false);
    lines.start();
    logger.addAppender(lines);
    warnings =
        new ThrottledLog(
            logger, Duration.ofSeconds(10), 3, () -> now, (nanos, task) -> reports.add(task));
  }

  @Test
  void aFlood_logsOnlyTheBurstOfEachInterval() {
    for (int i = 0; i < 20_000; i++) {
      warnings.warn("bad frame {}", i);
    }

    assertThat(messages()).containsExactly("bad frame 0", "bad frame 1", "bad frame 2");
    assertThat(warnings.suppressed()).isEqualTo(19_997);
  }

  @Test
  void theFirstLineOfTheNextInterval_saysHowManyWereSuppressed() {
    for (int i = 0; i < 10; i++) {
      warnings.warn("bad frame {}", i);
    }
    now += Duration.ofSeconds(10).toNanos();

    warnings.warn("bad frame {}", 10);
    warnings.warn("bad frame {}", 11);

    assertThat(messages()).endsWith("bad frame 10 (7 more like it suppressed)", "bad frame 11");
    assertThat(warnings.suppressed()).isZero();
  }

  @Test
  void theIntervalsEnd_logsTheCountLeftUnreported() {
    for (int i = 0; i < 10; i++) {
      warnings.warn("bad frame {}", i);
    }
    now += Duration.ofSeconds(10).toNanos();

    assertThat(reports).hasSize(1);
    reports.get(0).run();

    assertThat(messages())
        .endsWith("7 more warnings like \"bad frame {}\" suppressed in the last 10 s");
    assertThat(warnings.suppressed()).isZero();
  }

  @Test
  void warningsWithinTheBurst_areAllLogged() {
    warnings.warn("one");
    now += Duration.ofSeconds(11).toNanos();
    warnings.warn("two");
    warnings.warn("three");

    assertThat(messages()).containsExactly("one", "two", "three");
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
