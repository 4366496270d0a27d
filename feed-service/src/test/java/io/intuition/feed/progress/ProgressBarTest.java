package io.intuition.feed.progress;

import static org.assertj.core.api.Assertions.assertThat;

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
  @CsvSource({"0, 0s", "4.2, 5s", "59, 59s", "125, 2m05s", "3720, 1h02m"})
  void eta_isShortAndReadable(double seconds, String expected) {
    assertThat(ProgressBar.eta(seconds)).isEqualTo(expected);
  }
}
