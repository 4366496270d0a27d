package io.intuition.feed.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "2024-01-02, 2024-01-02T00:00:00Z",
    "2024-01-02T15:30:00Z, 2024-01-02T15:30:00Z",
    "2024-01-02T15:30:00+01:00, 2024-01-02T14:30:00Z",
    "2024-01-02T15:30:00.250, 2024-01-02T15:30:00.250Z",
    "2024-01-02 15:30:00, 2024-01-02T15:30:00Z",
    "1704209400, 2024-01-02T15:30:00Z",
    "1704209400.5, 2024-01-02T15:30:00.500Z"
  })
  void parse_supportedFormat_givesTheInstant(String text, String expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "yesterday", "2024-13-01", "2024-01-02T25:00", "99999999999999999999"})
  void parse_anythingElse_namesTheAcceptedFormats(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be " + Timestamps.FORMATS + ", but was \"" + text + "\"");
  }
}
