package io.intuition.feed.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {

  @Test
  void render_halfway_drawsHalfTheBarTheCountTheRateAndTheEta() {
    assertThat(ProgressBar.render(500, 1000, 100))
        .isEqualTo("[###############---------------] 500/1000  100.0/s  ETA 5s");
  }

  @Test
  void render_done_fillsTheBar() {
    assertThat(ProgressBar.render(1000, 1000, 98.7))
        .isEqualTo("[##############################] 1000/1000  98.7/s  ETA 0s");
  }

  @Test
  void render_nothingSentYet_showsAnUnknownEta() {
    assertThat(ProgressBar.render(0, 1000, 0))
        .isEqualTo("[------------------------------] 0/1000  0.0/s  ETA --");
  }

  @ParameterizedTest
  @CsvSource({
    "2024-01-03T00:00:00Z, 1440, next quote 2024-01-03 in 24m00s",
    "2024-01-03T15:30:00Z, 7.2, next quote 2024-01-03T15:30:00Z in 8s",
    "2024-01-03T15:30:00.250Z, 90000, next quote 2024-01-03T15:30:00.250Z in 25h00m"
  })
  void nextQuote_namesTheQuotesTimeAndTheWait(String time, double seconds, String expected) {
    assertThat(ProgressBar.nextQuote(Instant.parse(time), seconds)).isEqualTo(expected);
  }

  @Test
  void nextQuote_quoteWithoutTime_namesTheWaitOnly() {
    assertThat(ProgressBar.nextQuote(null, 10)).isEqualTo("next quote in 10s");
  }

  @ParameterizedTest
  @CsvSource({"0, 0s", "4.2, 5s", "59, 59s", "125, 2m05s", "3720, 1h02m"})
  void eta_isShortAndReadable(double seconds, String expected) {
    assertThat(ProgressBar.eta(seconds)).isEqualTo(expected);
  }
}
