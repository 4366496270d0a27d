package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadsTest {
  private final Payloads payloads = new Payloads(16);

  @Test
  void read_jsonObject_returnsItsFields() {
    assertThat(payloads.read(bytes("{\"price\":3.5}"))).isEqualTo(Map.of("price", 3.5));
  }

  @Test
  void read_empty_isRejectedAsEmpty() {
    assertRejected(new byte[0], "empty payload");
  }

  @Test
  void read_overTheLimit_namesItsSizeAndTheLimit() {
    assertRejected(
        bytes("{\"symbol\":\"AAPL\"}"), "payload of 17 bytes is over the limit of 16 bytes");
  }

  @Test
  void read_exactlyAtTheLimit_isRead() {
    assertThat(payloads.read(bytes("{\"symbol\":\"AAP\"}"))).isEqualTo(Map.of("symbol", "AAP"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]    | an array",
        "'\"x\"' | a string",
        "true   | a boolean",
        "null   | null",
        "42     | a number",
        "-4.2   | a number"
      })
  void read_jsonThatIsNotAnObject_namesWhatItIs(String json, String kind) {
    assertRejected(bytes(json), "JSON must be an object, but was " + kind);
  }

  @Test
  void read_notJson_namesTheParseError() {
    assertThatThrownBy(() -> payloads.read(bytes("price=3")))
        .isInstanceOf(Payloads.Rejected.class)
        .hasMessageStartingWith("not JSON: Unrecognized token 'price'");
  }

  @Test
  void read_objectFollowedByMore_isNotJson() {
    assertThatThrownBy(() -> payloads.read(bytes("{\"a\":1} {}")))
        .isInstanceOf(Payloads.Rejected.class)
        .hasMessageStartingWith("not JSON: ");
  }

  @Test
  void read_longParseError_keepsOnlyTheStartOfItsFirstLine() {
    String token = "x".repeat(200);

    assertThatThrownBy(() -> new Payloads(1024).read(bytes(token)))
        .isInstanceOf(Payloads.Rejected.class)
        .hasMessageStartingWith("not JSON: Unrecognized token 'xxx")
        .hasMessageEndingWith("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSize("not JSON: ".length() + 83))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void write_order_isCompactJsonInTheMapsOrder() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("symbol", "AAPL");
    order.put("amount", List.of(1, 2.5, true));

    assertThat(new String(payloads.write(order), StandardCharsets.UTF_8))
        .isEqualTo("{\"symbol\":\"AAPL\",\"amount\":[1,2.5,true]}");
  }

  @Test
  void excerpt_upTo80Chars_isTheWholePayload() {
    String text = "y".repeat(80);

    assertThat(Payloads.excerpt(bytes(text))).isEqualTo(text);
  }

  @Test
  void excerpt_over80Chars_isCutAt80WithAnEllipsis() {
    String text = "0123456789".repeat(8) + "overflow";

    assertThat(Payloads.excerpt(bytes(text))).isEqualTo("0123456789".repeat(8) + "...");
  }

  @Test
  void excerpt_invalidUtf8_isReadWithReplacementCharacters() {
    assertThat(Payloads.excerpt(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\uFFFDb");
  }

  private void assertRejected(byte[] payload, String reason) {
    assertThatThrownBy(() -> payloads.read(payload))
        .isInstanceOf(Payloads.Rejected.class)
        .hasMessage(reason);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
