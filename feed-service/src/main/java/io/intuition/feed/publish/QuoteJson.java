package io.intuition.feed.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.intuition.feed.source.Tick;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes a tick as {@code {"sid":"GOOG","quote":345.12,"ts":1700000000000000}}. */
final class QuoteJson {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private QuoteJson() {}

  /**
   * The JSON bytes of {@code tick}; {@code ts} is the tick's time in epoch microseconds, or {@code
   * sentAt} when the tick has none.
   */
  static byte[] encode(Tick tick, Instant sentAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("sid", tick.sid());
      json.writeNumberField("quote", tick.price());
      json.writeNumberField("ts", epochMicros(tick.time() != null ? tick.time() : sentAt));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON in memory", e);
    }
    return out.toByteArray();
  }

  static long epochMicros(Instant time) {
    return Math.addExact(
        Math.multiplyExact(time.getEpochSecond(), MICROS_PER_SECOND), time.getNano() / 1_000);
  }
}
