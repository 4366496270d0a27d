package io.intuition.feed.source;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Reads the dates CSV files carry; a date or date-time without a zone is taken as UTC. */
public final class Timestamps {
  /** The formats {@link #parse} reads, for messages. */
  public static final String FORMATS = "YYYY-MM-DD, an ISO date-time or epoch seconds";

  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Timestamps() {}

  /**
   * Parses {@code 2024-01-02}, {@code 2024-01-02T15:30:00Z} (or with an offset, or without a zone,
   * or with a space for the T) or epoch seconds such as {@code 1704209400.5}.
   *
   * @throws IllegalArgumentException naming the accepted formats, if {@code text} is none of them
   */
  public static Instant parse(String text) {
    try {
      if (EPOCH_SECONDS.matcher(text).matches()) {
        return epochSeconds(new BigDecimal(text));
      }
      if (DATE.matcher(text).matches()) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text.replaceFirst(" ", "T"), ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("must be " + FORMATS + ", but was \"" + text + "\"");
    }
  }

  /**
   * The instant {@code seconds} after the epoch, to the nanosecond.
   *
   * @throws ArithmeticException or {@link DateTimeException} if it is out of the range of {@link
   *     Instant}
   */
  public static Instant epochSeconds(BigDecimal seconds) {
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }
}
