package io.intuition.feed.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class TimeTypeTest {

  @Test
  void of_timestamps_areZonedOnlyWithATimeZone() {
    assertThat(TimeType.of(Types.TIMESTAMP, "timestamptz")).isEqualTo(TimeType.ZONED);
    assertThat(TimeType.of(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE"))
        .isEqualTo(TimeType.ZONED);
    assertThat(TimeType.of(Types.TIMESTAMP, "timestamp")).isEqualTo(TimeType.LOCAL);
    assertThat(TimeType.of(Types.DATE, "date")).isEqualTo(TimeType.DATE);
  }

  @Test
  void of_numbersAreEpochSecondsAndTextIsParsed() {
    assertThat(TimeType.of(Types.BIGINT, "int8")).isEqualTo(TimeType.EPOCH_SECONDS);
    assertThat(TimeType.of(Types.NUMERIC, "numeric")).isEqualTo(TimeType.EPOCH_SECONDS);
    assertThat(TimeType.of(Types.DOUBLE, "float8")).isEqualTo(TimeType.EPOCH_SECONDS);
    assertThat(TimeType.of(Types.VARCHAR, "text")).isEqualTo(TimeType.TEXT);
  }

  @Test
  void of_anythingElse_isNone() {
    assertThat(TimeType.of(Types.OTHER, "interval")).isNull();
    assertThat(TimeType.of(Types.BIT, "bool")).isNull();
    assertThat(TimeType.of(Types.TIME, "time")).isNull();
  }
}
