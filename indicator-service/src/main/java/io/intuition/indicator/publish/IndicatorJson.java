package io.intuition.indicator.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.intuition.common.indicator.IndicatorValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes an indicator value as the JSON the suite reads: {@code
 * {"sid":"GOOG","indicator":"sma","window":5,"value":345.12,"ts":1700000000000000}}. The value is
 * written in plain decimal notation without trailing zeros, as the 16 digits it was rounded to.
 */
public final class IndicatorJson {
  private static final JsonFactory JSON = new JsonFactory();

  private IndicatorJson() {}

  /** The UTF-8 JSON of {@code value}. */
  public static byte[] write(IndicatorValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("sid", value.sid());
      json.writeStringField("indicator", value.kind().wireName());
      json.writeNumberField("window", value.window());
      json.writeFieldName("value");
      json.writeNumber(plain(value.value()));
      json.writeNumberField("ts", value.ts());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to memory", e);
    }
    return out.toByteArray();
  }

  /** {@code 345.1200} as {@code 345.12}, {@code 1E+1} as {@code 10}. */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
