package io.intuition.bridge.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The params of {@code initialize}: the starting cash, then every {@code --param key=value}. */
final class InitializeParams {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private InitializeParams() {}

  /**
   * {@code {"cash": cash, ...params}}; each value is read as JSON when it is JSON (numbers,
   * booleans, lists) and kept as text otherwise.
   */
  static Map<String, Object> of(BigDecimal cash, Map<String, String> params) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cash", number(cash));
    params.forEach((key, value) -> result.put(key, value(value)));
    return result;
  }

  private static Object number(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return value.doubleValue();
    }
  }

  private static Object value(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }
}
