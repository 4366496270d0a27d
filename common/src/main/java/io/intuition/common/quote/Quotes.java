package io.intuition.common.quote;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads quotes from decoded msgpack data, in either of the shapes peers send.
 *
 * <ul>
 *   <li>full: {@code {"sid": "GOOG", "quote": "345.1", "ts": 1700000000000000}}, extra keys
 *       ignored;
 *   <li>compact: {@code {"GOOG": 3.45, "AAPL": "120.5", "ts": 1700000000000000}}, every key but
 *       {@code ts} a symbol.
 * </ul>
 *
 * <p>Text may arrive as a {@code String} or as UTF-8 {@code byte[]}; prices as text or as any
 * integer or floating-point number, kept exact.
 */
public final class Quotes {
  private static final String SID = "sid";
  private static final String QUOTE = "quote";
  private static final String TS = "ts";

  private Quotes() {}

  /**
   * Parses every quote in a message, all or nothing.
   *
   * @param data the decoded message
   * @return the quotes, in the message's key order for the compact shape
   * @throws InvalidQuoteException if the data is not an object, holds no quote, or any quote has a
   *     missing or malformed sid, price or ts
   */
  public static List<Quote> parse(Object data) {
    Map<String, Object> fields = fields(data);
    Long ts = ts(fields.get(TS));
    if (fields.containsKey(SID) || fields.containsKey(QUOTE)) {
      return List.of(full(fields, ts));
    }
    List<Quote> quotes = new ArrayList<>();
    fields.forEach(
        (sid, price) -> {
          if (!sid.equals(TS)) {
            quotes.add(new Quote(sid, price(price), ts));
          }
        });
    if (quotes.isEmpty()) {
      throw new InvalidQuoteException("data has no quotes: " + Values.excerpt(data.toString()));
    }
    return List.copyOf(quotes);
  }

  private static Map<String, Object> fields(Object data) {
    if (!(data instanceof Map<?, ?> map)) {
      throw new InvalidQuoteException("data must be an object, but was " + Values.describe(data));
    }
    if (map.isEmpty()) {
      throw new InvalidQuoteException("data has no quotes: {}");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          // In the compact shape every key is a sid, so a non-text key is a bad sid.
          String name = Values.text(key);
          if (name == null) {
            throw new InvalidQuoteException(
                "sid must be a non-empty string, but was " + Values.describe(key));
          }
          fields.put(name, value);
        });
    return fields;
  }

  private static Quote full(Map<String, Object> fields, Long ts) {
    if (!fields.containsKey(SID)) {
      throw new InvalidQuoteException("sid is missing");
    }
    Object sid = fields.get(SID);
    String text = Values.text(sid);
    if (text == null) {
      throw new InvalidQuoteException(
          "sid must be a non-empty string, but was " + Values.describe(sid));
    }
    if (!fields.containsKey(QUOTE)) {
      throw new InvalidQuoteException("quote is missing");
    }
    return new Quote(text, price(fields.get(QUOTE)), ts);
  }

  private static BigDecimal price(Object value) {
    return number(QUOTE, value);
  }

  private static Long ts(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return number(TS, value).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidQuoteException(
          "ts must be a positive integer, but was " + Values.describe(value));
    }
  }

  private static BigDecimal number(String field, Object value) {
    return Values.decimal(field, value, InvalidQuoteException::new);
  }
}
