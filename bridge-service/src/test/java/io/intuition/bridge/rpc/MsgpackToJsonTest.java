package io.intuition.bridge.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.codec.Packed;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.jackson.dataformat.MessagePackFactory;

class MsgpackToJsonTest {
  private static final ObjectMapper MSGPACK = new ObjectMapper(new MessagePackFactory());

  @Test
  void orders_nil_isNoOrder() throws Exception {
    assertThat(MsgpackToJson.orders(packed(null))).isEmpty();
  }

  @Test
  void orders_oneMap_isOneOrderInTheMapsOrder() throws Exception {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("sid", "GOOG");
    order.put("quote", 345.1);
    order.put("amount", 20504.04);
    order.put("shares", 59.414778);
    order.put("cash", 29495.96);
    order.put("ts", 1_700_000_000_000_000L);

    assertThat(texts(MsgpackToJson.orders(packed(order))))
        .containsExactly(new ObjectMapper().writeValueAsString(order));
  }

  @Test
  void orders_smallAndLargeDoubles_areInPlainNotation() throws Exception {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("shares", 2.0E-4);
    order.put("amount", 1.5E10);
    order.put("cash", 0.5);

    assertThat(texts(MsgpackToJson.orders(packed(order))))
        .containsExactly("{\"shares\":0.0002,\"amount\":15000000000,\"cash\":0.5}");
  }

  @Test
  void orders_list_isEachOrderInTurn() throws Exception {
    assertThat(texts(MsgpackToJson.orders(packed(List.of(Map.of("a", 1), Map.of("b", true))))))
        .containsExactly("{\"a\":1}", "{\"b\":true}");
  }

  @Test
  void orders_binAndOddKeys_becomeTextJsonCanCarry() throws Exception {
    Map<Object, Object> odd = new LinkedHashMap<>();
    odd.put(7, "abc".getBytes(StandardCharsets.UTF_8));

    assertThat(texts(MsgpackToJson.orders(packed(odd)))).containsExactly("{\"7\":\"YWJj\"}");
  }

  @Test
  void orders_truncatedMsgpack_isMalformed() {
    assertThatThrownBy(() -> MsgpackToJson.orders(new Packed(new byte[] {(byte) 0x82, 1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid msgpack");
  }

  private static Packed packed(Object value) throws Exception {
    return new Packed(MSGPACK.writeValueAsBytes(value));
  }

  private static List<String> texts(List<byte[]> orders) {
    return orders.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
  }
}
