package io.intuition.bridge.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msgpack.jackson.dataformat.MessagePackFactory;

class JsonToMsgpackTest {
  private static final ObjectMapper MSGPACK = new ObjectMapper(new MessagePackFactory());

  @Test
  void args_jsonObject_isTheObjectAsTheOnlyArgument() throws Exception {
    assertThat(decode(JsonToMsgpack.args(bytes("{\"sid\":\"GOOG\",\"quote\":345.1}"))))
        .isEqualTo(List.of(Map.of("sid", "GOOG", "quote", 345.1)));
  }

  @Test
  void args_indicatorValue_reachesTheAlgoAsTheValueItWas() throws Exception {
    String json =
        "{\"sid\":\"GOOG\",\"indicator\":\"sma\",\"window\":5,\"value\":345.1233333333333,"
            + "\"ts\":1700000000000000}";

    Object data = ((List<?>) decode(JsonToMsgpack.args(bytes(json)))).get(0);

    assertThat(IndicatorValue.isIndicator(data)).isTrue();
    assertThat(IndicatorValue.parse(data))
        .isEqualTo(
            new IndicatorValue(
                "GOOG",
                IndicatorKind.SMA,
                5,
                new BigDecimal("345.1233333333333"),
                1_700_000_000_000_000L));
  }

  @Test
  void args_nestedValues_keepTheirTypesAndOrder() throws Exception {
    String json = "{\"b\":[1,-2,3.5,true,false,null,\"x\",{}],\"a\":{\"c\":[]},\"n\":12345678901}";

    Object decoded = decode(JsonToMsgpack.args(bytes(json)));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", java.util.Arrays.asList(1, -2, 3.5, true, false, null, "x", Map.of()));
    expected.put("a", Map.of("c", List.of()));
    expected.put("n", 12_345_678_901L);
    assertThat(decoded).isEqualTo(List.of(expected));
    Map<?, ?> object = (Map<?, ?>) ((List<?>) decoded).get(0);
    assertThat(List.copyOf(object.keySet())).isEqualTo(List.of("b", "a", "n"));
  }

  @Test
  void args_bytesOfTheSameValue_equalWhatAMapperWrites() throws Exception {
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("sid", "GOOG");
    quote.put("quote", 345.1);
    quote.put("ts", 1_700_000_000_000_000L);

    byte[] transcoded = JsonToMsgpack.args(bytes(new ObjectMapper().writeValueAsString(quote)));

    assertThat(transcoded).isEqualTo(MSGPACK.writeValueAsBytes(List.of(quote)));
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
  void args_jsonThatIsNotAnObject_namesWhatItIs(String json, String kind) {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes(json)))
        .hasMessage("JSON must be an object, but was " + kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"price=3", "{\"price\":", "{\"a\":1} {}", "{\"a\":1}]", "{]"})
  void args_notJson_isNotJson(String text) {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes(text))).hasMessageStartingWith("not JSON: ");
  }

  @Test
  void args_notJson_namesTheParseError() {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("price=3")))
        .hasMessageStartingWith("not JSON: Unrecognized token 'price'");
  }

  @Test
  void args_longParseError_keepsOnlyTheStartOfItsFirstLine() {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("x".repeat(200))))
        .hasMessageStartingWith("not JSON: Unrecognized token 'xxx")
        .hasMessageEndingWith("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSize("not JSON: ".length() + 83))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void args_integerBeyond64Bits_cannotBeForwarded() {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("{\"n\":123456789012345678901234567890}")))
        .hasMessage(
            "cannot forward it: the integer 123456789012345678901234567890 is beyond 64 bits");
  }

  @Test
  void args_halfASurrogatePair_cannotBeForwarded() {
    // UTF-8 cannot carry half a surrogate pair: msgpack would get "?", the algo another message
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("{\"sid\":\"\\ud83dGOOG\"}")))
        .hasMessage(
            "cannot forward it: a string holds \\ud83d, half of a surrogate pair, which UTF-8"
                + " cannot carry");
  }

  @Test
  void args_surrogatePair_isTheCharacter() throws Exception {
    assertThat(decode(JsonToMsgpack.args(bytes("{\"sid\":\"\\ud83d\\ude00\"}"))))
        .isEqualTo(List.of(Map.of("sid", "\uD83D\uDE00")));
  }

  @Test
  void args_duplicateKey_isRefusedNamingTheKey() {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("{\"sid\":\"A\",\"sid\":\"B\",\"quote\":1}")))
        .hasMessage("JSON has the key \"sid\" twice");
  }

  @Test
  void args_duplicateKeyInANestedObject_isRefused() {
    assertThatThrownBy(() -> JsonToMsgpack.args(bytes("{\"a\":{\"b\":1,\"b\":2}}")))
        .hasMessage("JSON has the key \"b\" twice");
  }

  @Test
  void args_sameKeyInTwoObjects_isNoDuplicate() throws Exception {
    assertThat(decode(JsonToMsgpack.args(bytes("{\"a\":{\"k\":1},\"b\":{\"k\":2}}"))))
        .isEqualTo(List.of(Map.of("a", Map.of("k", 1), "b", Map.of("k", 2))));
  }

  @Test
  void args_nestedDeeperThan32Levels_isRefused() {
    String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";

    assertThatThrownBy(() -> JsonToMsgpack.args(bytes(deep)))
        .hasMessage("JSON nests deeper than 32 levels");
  }

  private static Object decode(byte[] msgpack) throws Exception {
    return MSGPACK.readValue(msgpack, Object.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
