package io.intuition.feed.source.jdbc;

import io.intuition.feed.source.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL types a quote's time may have, and how each is read: a timestamp with a time zone as the
 * instant it is; one without, and a date, as UTC; a number as epoch seconds; text in the formats of
 * a CSV file. Read through {@code java.time}, so the JVM's time zone changes nothing.
 */
enum TimeType {
  ZONED {
    @Override
    Instant read(ResultSet rows, int column) throws SQLException {
      OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }
  },
  LOCAL {
    @Override
    Instant read(ResultSet rows, int column) throws SQLException {
      LocalDateTime time = rows.getObject(column, LocalDateTime.class);
      return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
  },
  DATE {
    @Override
    Instant read(ResultSet rows, int column) throws SQLException {
      LocalDate date = rows.getObject(column, LocalDate.class);
      return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  },
  EPOCH_SECONDS {
    @Override
    Instant read(ResultSet rows, int column) throws SQLException {
      BigDecimal seconds = rows.getBigDecimal(column);
      try {
        return seconds == null ? null : Timestamps.epochSeconds(seconds);
      } catch (ArithmeticException | DateTimeException e) {
        throw new IllegalArgumentException(
            "must be epoch seconds, but was " + seconds.toPlainString() + ", out of range");
      }
    }
  },
  TEXT {
    @Override
    Instant read(ResultSet rows, int column) throws SQLException {
      String text = rows.getString(column);
      return text == null ? null : Timestamps.parse(text.strip());
    }
  };

  /** The types accepted, for messages. */
  static final String ACCEPTED =
      "timestamp, timestamp with time zone, date, number of epoch seconds, or text ("
          + Timestamps.FORMATS
          + ")";

  /** The number types of {@link Types}. */
  static final Set<Integer> NUMBERS =
      Set.of(
          Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL);

  /** The text types of {@link Types}. */
  static final Set<Integer> TEXTS =
      Set.of(
          Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR);

  /**
   * The time's value in row {@code rows} is at, or null if it is NULL.
   *
   * @throws IllegalArgumentException if the value is no time of this type
   */
  abstract Instant read(ResultSet rows, int column) throws SQLException;

  /** The type of a column of {@code sqlType} ({@link Types}) named {@code typeName}, or null. */
  static TimeType of(int sqlType, String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE
        || sqlType == Types.TIMESTAMP && (name.endsWith("tz") || name.contains("time zone"))) {
      return ZONED;
    }
    if (sqlType == Types.TIMESTAMP) {
      return LOCAL;
    }
    if (sqlType == Types.DATE) {
      return DATE;
    }
    if (NUMBERS.contains(sqlType)) {
      return EPOCH_SECONDS;
    }
    return TEXTS.contains(sqlType) ? TEXT : null;
  }
}
