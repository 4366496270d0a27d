package io.intuition.algo.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intuition.algo.portfolio.Position;
import io.intuition.algo.trading.TraderState;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of a {@link TraderState}: money as plain decimal text, so nothing is rounded. */
final class StateJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private StateJson() {}

  static byte[] write(StateFile.Saved saved) {
    TraderState state = saved.state();
    ObjectNode root = JSON.createObjectNode();
    root.put("journal_seq", saved.journalSeq());
    root.put("strategy", state.strategy());
    root.put("sizer", state.sizer());
    root.set("params", JSON.valueToTree(state.params()));
    root.put("draws", state.draws());
    root.set("strategy_state", JSON.valueToTree(state.strategyState()));
    root.set("sizer_state", JSON.valueToTree(state.sizerState()));
    root.set("book", book(state.book()));
    ArrayNode recent = root.putArray("recent");
    for (TraderState.Answer answer : state.recent()) {
      ArrayNode entry = recent.addArray().add(answer.sid()).add(answer.ts());
      ArrayNode orders = entry.addArray();
      answer.orders().forEach(order -> orders.add(order(order)));
    }
    ObjectNode symbols = root.putObject("symbols");
    state.symbols().forEach(symbols::put);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the state as JSON: " + e.getMessage(), e);
    }
  }

  static StateFile.Saved read(byte[] json, Path path) throws CorruptStateException {
    try {
      JsonNode root = JSON.readTree(json);
      return new StateFile.Saved(state(root), required(root, "journal_seq").asLong());
    } catch (java.io.IOException | RuntimeException e) {
      throw new CorruptStateException("state file " + path + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static TraderState state(JsonNode root) {
    return new TraderState(
        text(root, "strategy"),
        text(root, "sizer"),
        params(required(root, "params")),
        required(root, "draws").asLong(),
        plain(root.get("strategy_state")),
        plain(root.get("sizer_state")),
        book(required(root, "book")),
        recent(required(root, "recent")),
        newest(required(root, "symbols")));
  }

  private static ObjectNode book(TraderState.Book book) {
    ObjectNode node = JSON.createObjectNode();
    node.put("starting_cash", plain(book.startingCash()));
    node.put("cash", plain(book.cash()));
    node.put("realized_pnl", plain(book.realizedPnl()));
    node.put("orders", book.orders());
    ObjectNode positions = node.putObject("positions");
    book.positions()
        .forEach(
            (sid, position) ->
                positions
                    .putObject(sid)
                    .put("shares", plain(position.shares()))
                    .put("cost", plain(position.cost()))
                    .put("last", plain(position.last())));
    return node;
  }

  private static TraderState.Book book(JsonNode node) {
    Map<String, Position> positions = new LinkedHashMap<>();
    required(node, "positions")
        .properties()
        .forEach(
            field ->
                positions.put(
                    field.getKey(),
                    new Position(
                        decimal(field.getValue(), "shares"),
                        decimal(field.getValue(), "cost"),
                        decimal(field.getValue(), "last"))));
    return new TraderState.Book(
        decimal(node, "starting_cash"),
        decimal(node, "cash"),
        decimal(node, "realized_pnl"),
        required(node, "orders").asLong(),
        positions);
  }

  private static ObjectNode order(Order order) {
    ObjectNode node = JSON.createObjectNode();
    node.put("side", order.side().wireName());
    node.put("sid", order.sid());
    node.put("quote", plain(order.quote()));
    node.put("amount", plain(order.amount()));
    node.put("shares", plain(order.shares()));
    node.put("cash", plain(order.cash()));
    if (order.ts() != null) {
      node.put("ts", order.ts());
    }
    return node;
  }

  private static Order order(JsonNode node) {
    JsonNode ts = node.get("ts");
    return new Order(
        Side.valueOf(text(node, "side").toUpperCase(Locale.ROOT)),
        text(node, "sid"),
        decimal(node, "quote"),
        decimal(node, "amount"),
        decimal(node, "shares"),
        decimal(node, "cash"),
        ts == null ? null : ts.asLong());
  }

  private static List<TraderState.Answer> recent(JsonNode node) {
    List<TraderState.Answer> recent = new ArrayList<>(node.size());
    for (JsonNode entry : node) {
      List<Order> orders = new ArrayList<>();
      entry.get(2).forEach(order -> orders.add(order(order)));
      recent.add(new TraderState.Answer(entry.get(0).asText(), entry.get(1).asLong(), orders));
    }
    return recent;
  }

  private static Map<String, Long> newest(JsonNode node) {
    Map<String, Long> newest = new LinkedHashMap<>();
    node.properties().forEach(field -> newest.put(field.getKey(), field.getValue().asLong()));
    return newest;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(JsonNode node) {
    return JSON.convertValue(node, Map.class);
  }

  private static Object plain(JsonNode node) {
    return node == null || node.isNull() ? null : JSON.convertValue(node, Object.class);
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    return new BigDecimal(text(node, field));
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("it has no " + field);
    }
    return value;
  }
}
