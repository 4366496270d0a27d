package io.intuition.common.indicator;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value of one indicator of one symbol, as the indicator-service publishes it: {@code
 * {"sid":"GOOG","indicator":"sma","window":5,"value":345.12,"ts":1700000000000000}}.
 *
 * @param sid the symbol; never blank
 * @param kind which indicator
 * @param window how many prices it takes; at least 1
 * @param value the value after the quote of {@code ts}
 * @param ts the timestamp of the quote the value follows, in epoch microseconds; positive
 */
public record IndicatorValue(
    String sid, IndicatorKind kind, int window, BigDecimal value, long ts) {
  /** The key that tells an indicator message from a quote. */
  public static final String INDICATOR = "indicator";

  private static final String SID = "sid";
  private static final String WINDOW = "window";
  private static final String VALUE = "value";
  private static final String TS = "ts";
  private static final String QUOTE = "quote";

  /**
   * Validates the value.
   *
   * @throws InvalidIndicatorException if {@code sid} is null or blank, {@code kind} or {@code
   *     value} is null, or {@code window} or {@code ts} is not positive
   */
  public IndicatorValue {
    if (sid == null || sid.isBlank()) {
      throw new InvalidIndicatorException(
          "sid must be a non-empty string, but was " + Values.describe(sid));
    }
    if (kind == null) {
      throw new InvalidIndicatorException("indicator is missing");
    }
    if (value == null) {
      throw new InvalidIndicatorException("value is missing");
    }
    if (window < 1) {
      throw new InvalidIndicatorException("window must be at least 1, but was " + window);
    }
    if (ts <= 0) {
      throw new InvalidIndicatorException("ts must be a positive integer, but was " + ts);
    }
  }

  /**
   * The value of {@code indicator}, which must be full, for the quote of {@code sid} at {@code ts}.
   */
  public static IndicatorValue of(String sid, Indicator indicator, long ts) {
    return new IndicatorValue(
        sid, IndicatorKind.of(indicator.name()), indicator.window(), indicator.value(), ts);
  }

  /**
   * Whether decoded data is an indicator message rather than a quote: an object with an {@code
   * indicator} key and no {@code quote} key.
   */
  public static boolean isIndicator(Object data) {
    return data instanceof Map<?, ?> map && has(map, INDICATOR) && !has(map, QUOTE);
  }

  /**
   * Reads an indicator message from decoded msgpack or JSON data; extra keys are ignored.
   *
   * @throws InvalidIndicatorException if the data is not an object, or a field is missing or
   *     malformed
   */
  public static IndicatorValue parse(Object data) {
    if (!(data instanceof Map<?, ?> map)) {
      throw new InvalidIndicatorException(
          "data must be an object, but was " + Values.describe(data));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, value) -> fields.put(Values.text(key), value));
    String name = Values.text(fields.get(INDICATOR));
    IndicatorKind kind;
    try {
      kind = IndicatorKind.of(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidIndicatorException(
          "indicator must be sma or ema, but was " + Values.describe(fields.get(INDICATOR)));
    }
    return new IndicatorValue(
        Values.text(fields.get(SID)),
        kind,
        window(fields.get(WINDOW)),
        number(VALUE, fields.get(VALUE)),
        whole(TS, fields.get(TS)));
  }

  /** The topic it is published on: {@code <prefix>/<sid>/<indicator>/<window>}. */
  public String topic(String prefix) {
    return prefix + "/" + sid + "/" + kind.wireName() + "/" + window;
  }

  /** Whether the map has {@code key}, sent as str or as bin. */
  private static boolean has(Map<?, ?> map, String key) {
    for (Object name : map.keySet()) {
      if (key.equals(Values.text(name))) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal number(String field, Object value) {
    if (value == null) {
      throw new InvalidIndicatorException(field + " is missing");
    }
    return Values.decimal(field, value, InvalidIndicatorException::new);
  }

  private static long whole(String field, Object value) {
    try {
      return number(field, value).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidIndicatorException(
          field + " must be a whole number, but was " + Values.describe(value));
    }
  }

  private static int window(Object value) {
    long whole = whole(WINDOW, value);
    if (whole > Integer.MAX_VALUE) {
      throw new InvalidIndicatorException(
          "window must be at most " + Integer.MAX_VALUE + ", but was " + whole);
    }
    return (int) whole;
  }
}
