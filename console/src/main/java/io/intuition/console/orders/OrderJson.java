package io.intuition.console.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Side;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an order message: the JSON of {@link Order#toWire()}. Tolerant of the original peers, whose
 * orders carry neither {@code side} (they only buy) nor {@code ts}; extra fields are ignored.
 */
public final class OrderJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrderJson() {}

  /**
   * Parses one order message.
   *
   * @throws IllegalArgumentException if the payload is not a JSON object, or a field is missing or
   *     malformed, naming the field
   */
  public static Order read(byte[] payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("an order must be a JSON object");
    }
    return new Order(
        side(node.get("side")),
        text(node, "sid"),
        number(node, "quote"),
        number(node, "amount"),
        number(node, "shares"),
        number(node, "cash"),
        ts(node.get("ts")));
  }

  private static Side side(JsonNode side) {
    if (side == null || side.isNull()) {
      return Side.BUY;
    }
    for (Side each : Side.values()) {
      if (each.wireName().equals(side.asText())) {
        return each;
      }
    }
    throw new IllegalArgumentException("side must be buy or sell, but was " + side);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, but was " + value);
    }
    return value.asText();
  }

  private static BigDecimal number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number, but was " + value);
    }
    return value.decimalValue();
  }

  private static Long ts(JsonNode ts) {
    if (ts == null || ts.isNull()) {
      return null;
    }
    if (!ts.canConvertToExactIntegral() || !ts.canConvertToLong()) {
      throw new IllegalArgumentException("ts must be a whole number, but was " + ts);
    }
    return ts.asLong();
  }
}
